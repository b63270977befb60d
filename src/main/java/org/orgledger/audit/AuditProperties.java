package org.orgledger.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ledger signs its tree heads.
 *
 * @param signingKey       path of the Ed25519 private key (PKCS#8 PEM); blank: {@code signing-key.pem}
 *                         next to the embedded database's data directory. The external profile must set it.
 * @param createSigningKey create the key file when it does not exist; always done for the embedded
 *                         default, off otherwise so that a production ledger never silently changes key
 */
@ConfigurationProperties("orgledger.audit")
public record AuditProperties(String signingKey, boolean createSigningKey) {
}
