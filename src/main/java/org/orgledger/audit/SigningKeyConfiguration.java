package org.orgledger.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.security.KeyPair;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.platform.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finds the ledger's Ed25519 key. The embedded default makes one on first start, next to its
 * data directory, so that a new user needs nothing; any other setup must say where its key is
 * (never beside the data: whoever can rewrite the database could then re-sign it), because a
 * ledger whose key changes unnoticed loses the point of signing. Outside the embedded default a
 * key file that others can read is refused.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);
    static final String DEFAULT_FILE_NAME = "signing-key.pem";

    @Bean
    LedgerSigner ledgerSigner(AuditProperties audit, DatabaseProperties database) {
        boolean embedded = "embedded".equals(database.mode());
        Path path = keyPath(audit, database, embedded);
        if (path == null) {
            // A throw-away database (tests) gets a throw-away key.
            return new LedgerSigner(Ed25519Keys.generate(), audit.origin());
        }
        LedgerSigner signer = new LedgerSigner(loadOrCreate(path, embedded || audit.createSigningKey()), audit.origin());
        requireOwnerOnly(path, embedded);
        log.info("Signing tree heads with the Ed25519 key {} (key id {})", path, signer.keyId());
        return signer;
    }

    private static Path keyPath(AuditProperties audit, DatabaseProperties database, boolean embedded) {
        if (audit.signingKey() != null && !audit.signingKey().isBlank()) {
            return Path.of(audit.signingKey()).toAbsolutePath();
        }
        if (!embedded) {
            throw new IllegalStateException("orgledger.audit.signing-key (ORGLEDGER_SIGNING_KEY) must name this"
                    + " ledger's Ed25519 key file when the database is not the embedded default;"
                    + " create one with: openssl genpkey -algorithm ed25519 -out signing-key.pem");
        }
        if (database.dataDir() == null || database.dataDir().isBlank()) {
            return null;
        }
        Path dataDir = Path.of(database.dataDir()).toAbsolutePath();
        return dataDir.getParent().resolve(DEFAULT_FILE_NAME);
    }

    private static KeyPair loadOrCreate(Path path, boolean create) {
        try {
            if (Files.exists(path)) {
                return Ed25519Keys.fromPrivateKeyPem(Files.readString(path, StandardCharsets.US_ASCII));
            }
            if (!create) {
                throw new IllegalStateException("the signing key " + path + " does not exist;"
                        + " create it with: openssl genpkey -algorithm ed25519 -out " + path
                        + " (or set orgledger.audit.create-signing-key=true)");
            }
            return create(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + path, e);
        }
    }

    private static KeyPair create(Path path) throws IOException {
        KeyPair keys = Ed25519Keys.generate();
        Files.createDirectories(path.getParent());
        Path temporary = Files.createTempFile(path.getParent(), ".signing-key", ".tmp");
        try {
            restrictToOwner(temporary);
            Files.writeString(temporary, Ed25519Keys.privateKeyPem(keys.getPrivate()), StandardCharsets.US_ASCII);
            // Written whole, then moved into place, never over an existing key: a second start
            // racing this one keeps the first key.
            Files.move(temporary, path);
        } catch (FileAlreadyExistsException e) {
            return Ed25519Keys.fromPrivateKeyPem(Files.readString(path, StandardCharsets.US_ASCII));
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("Created the ledger's signing key {}: keep it, and publish its key id", path);
        return keys;
    }

    /**
     * A key that others can read is a key others can sign with: outside the embedded default the
     * ledger refuses to start with one (as ssh does), and the embedded default says so in the log.
     */
    static void requireOwnerOnly(Path path, boolean embedded) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        others.retainAll(permissions);
        if (others.isEmpty()) {
            return;
        }
        String problem = "the signing key " + path + " is readable or writable by others (" + others
                + "): whoever can read it can sign tree heads and checkpoints as this ledger; chmod 600 it";
        if (!embedded) {
            throw new IllegalStateException(problem);
        }
        log.warn(problem);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's permissions apply.
        }
    }
}
