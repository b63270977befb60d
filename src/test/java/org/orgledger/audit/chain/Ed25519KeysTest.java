package org.orgledger.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    /** Written by {@code openssl genpkey -algorithm ed25519}; its public key by {@code openssl pkey -pubout}. */
    static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIFZSFKZjp+8OoMZx5pocFsdw2lNCyHatsEEqkKNuDuH3
            -----END PRIVATE KEY-----
            """;
    static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEADYJHrv35Kioc7LWkkFarRbFRbL2fEgynj5FEaAmDcZ8=
            -----END PUBLIC KEY-----
            """;

    @Test
    void a_private_key_written_by_openssl_yields_the_public_key_openssl_derives() {
        KeyPair keys = Ed25519Keys.fromPrivateKeyPem(OPENSSL_PRIVATE);
        assertThat(Ed25519Keys.publicKeyPem(keys.getPublic())).isEqualTo(OPENSSL_PUBLIC);
    }

    @Test
    void a_signature_verifies_with_the_derived_public_key_and_not_after_a_change() {
        KeyPair generated = Ed25519Keys.generate();
        KeyPair reloaded = Ed25519Keys.fromPrivateKeyPem(Ed25519Keys.privateKeyPem(generated.getPrivate()));
        assertThat(reloaded.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());

        byte[] message = "orgledger-tree-head-v1\n1\n1\n00\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519Keys.sign(reloaded.getPrivate(), message);
        assertThat(Ed25519Keys.verify(generated.getPublic(), message, signature)).isTrue();
        message[0] ^= 1;
        assertThat(Ed25519Keys.verify(generated.getPublic(), message, signature)).isFalse();
    }

    @Test
    void the_key_id_is_the_sha256_of_the_public_key_der() {
        KeyPair keys = Ed25519Keys.fromPrivateKeyPem(OPENSSL_PRIVATE);
        assertThat(Ed25519Keys.keyId(keys.getPublic())).hasSize(64).isEqualTo(Ed25519Keys.keyId(
                Ed25519Keys.publicKeyFromPem(Ed25519Keys.publicKeyPem(keys.getPublic()))));
    }
}
