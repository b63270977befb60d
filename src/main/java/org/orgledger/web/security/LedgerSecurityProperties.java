package org.orgledger.web.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Who may do what, and how much a request may carry.
 *
 * @param readsRequireRole  when true, the reads (structure, timeline, history, instruments, the
 *                          web page) need the AUDITOR or REGISTRAR role too; by default they are open
 * @param registrarPassword the password of the user {@code registrar} ({@code ORGLEDGER_REGISTRAR_PASSWORD})
 * @param auditorPassword   the password of the user {@code auditor} ({@code ORGLEDGER_AUDITOR_PASSWORD})
 * @param allowedOrigins    other origins whose pages may call the API (CORS); none by default
 * @param maxBodySize       the largest request body accepted (413 beyond it)
 */
@ConfigurationProperties("orgledger.security")
public record LedgerSecurityProperties(boolean readsRequireRole, String registrarPassword, String auditorPassword,
                                       List<String> allowedOrigins, DataSize maxBodySize) {

    public LedgerSecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
    }
}
