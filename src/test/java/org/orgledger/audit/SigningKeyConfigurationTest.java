package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.platform.database.DatabaseProperties;

/** Where the signing key comes from, and the keys the ledger refuses to sign with. */
class SigningKeyConfigurationTest {

    @TempDir
    Path directory;

    private final SigningKeyConfiguration configuration = new SigningKeyConfiguration();
    private final DatabaseProperties external = new DatabaseProperties("external", null, null);

    @Test
    void outside_the_embedded_default_a_key_must_be_named_and_is_never_made_beside_the_data() {
        assertThatThrownBy(() -> configuration.ledgerSigner(audit(null, true), external))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ORGLEDGER_SIGNING_KEY");
    }

    @Test
    void outside_the_embedded_default_a_key_that_others_can_read_is_refused() throws Exception {
        Path key = keyFile("rw-r--r--");

        assertThatThrownBy(() -> configuration.ledgerSigner(audit(key, false), external))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("readable or writable by others");
    }

    @Test
    void a_key_only_its_owner_can_read_signs_under_its_key_id() throws Exception {
        Path key = keyFile("rw-------");
        KeyPair expected = Ed25519Keys.fromPrivateKeyPem(Files.readString(key));

        LedgerSigner signer = configuration.ledgerSigner(audit(key, false), external);

        assertThat(signer.keyId()).isEqualTo(Ed25519Keys.keyId(expected.getPublic()));
        assertThat(signer.verifierKey().name()).isEqualTo(AuditProperties.DEFAULT_ORIGIN);
    }

    @Test
    void the_embedded_default_creates_its_key_for_the_owner_only() throws Exception {
        Path dataDir = directory.resolve("data").resolve("postgres");

        configuration.ledgerSigner(audit(null, false), new DatabaseProperties("embedded", dataDir.toString(), null));

        Path created = dataDir.getParent().resolve(SigningKeyConfiguration.DEFAULT_FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rw-------");
    }

    private Path keyFile(String permissions) throws Exception {
        Path key = directory.resolve("signing-key.pem");
        Files.writeString(key, Ed25519Keys.privateKeyPem(Ed25519Keys.generate().getPrivate()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
        return key;
    }

    private static AuditProperties audit(Path key, boolean create) {
        return new AuditProperties(key == null ? null : key.toString(), create, null, List.of());
    }
}
