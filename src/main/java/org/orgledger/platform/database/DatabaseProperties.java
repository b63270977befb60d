package org.orgledger.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger's PostgreSQL lives.
 *
 * @param mode    {@code embedded} (default: a private PostgreSQL started with the service) or
 *                {@code external} (Spring's {@code spring.datasource.*}, see the external profile)
 * @param dataDir the embedded server's data directory; blank means a throw-away temporary
 *                directory (used by tests)
 */
@ConfigurationProperties("orgledger.database")
public record DatabaseProperties(String mode, String dataDir) {

    public DatabaseProperties {
        mode = mode == null || mode.isBlank() ? "embedded" : mode;
    }

    boolean ephemeral() {
        return dataDir == null || dataDir.isBlank();
    }
}
