package org.orgledger.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger's PostgreSQL lives.
 *
 * @param mode    {@code embedded} (default: a private PostgreSQL started with the service) or
 *                {@code external} (Spring's {@code spring.datasource.*}, see the external profile)
 * @param dataDir the embedded server's data directory; blank means a throw-away temporary
 *                directory (used by tests)
 * @param stopWithService whether a watchdog stops the embedded server when the service's process
 *                dies without stopping it ({@code kill -9}); default true
 */
@ConfigurationProperties("orgledger.database")
public record DatabaseProperties(String mode, String dataDir, Boolean stopWithService) {

    public DatabaseProperties {
        mode = mode == null || mode.isBlank() ? "embedded" : mode;
        stopWithService = stopWithService == null || stopWithService;
    }

    boolean ephemeral() {
        return dataDir == null || dataDir.isBlank();
    }
}
