package org.orgledger.audit;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ledger signs its tree heads and checkpoints, and who witnesses them.
 *
 * @param signingKey       path of the Ed25519 private key (PKCS#8 PEM); blank: {@code signing-key.pem}
 *                         next to the embedded database's data directory. The external profile must set it.
 * @param createSigningKey create the key file when it does not exist; always done for the embedded
 *                         default, off otherwise so that a production ledger never silently changes key
 * @param origin           the log's identity in its C2SP checkpoints (first line, and the key name of
 *                         its signature): a schema-less URL that no other log uses
 * @param witnesses        C2SP tlog-witness witnesses to submit each new checkpoint to; none by default
 */
@ConfigurationProperties("orgledger.audit")
public record AuditProperties(String signingKey, boolean createSigningKey, String origin, List<Witness> witnesses) {

    public static final String DEFAULT_ORIGIN = "orgledger.invalid/ledger";

    public AuditProperties {
        origin = origin == null || origin.isBlank() ? DEFAULT_ORIGIN : origin.strip();
        witnesses = witnesses == null ? List.of() : List.copyOf(witnesses);
    }

    /**
     * @param url         the witness's submission prefix; {@code add-checkpoint} is posted below it
     * @param verifierKey the witness's cosigner key, {@code <name>+<hex key id>+<base64(0x04 || key)>}
     */
    public record Witness(URI url, String verifierKey) {
    }
}
