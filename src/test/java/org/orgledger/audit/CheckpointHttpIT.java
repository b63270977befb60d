package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sigstore.encryption.signers.Verifiers;
import dev.sigstore.merkle.InclusionProofVerifier;
import dev.sigstore.rekor.client.Checkpoints;
import dev.sigstore.rekor.client.RekorEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.audit.chain.Ed25519Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The ledger's C2SP checkpoints, read and verified by an independent implementation: Sigstore's
 * Java client, which parses and verifies Rekor's checkpoints. The key ID is recomputed here from
 * the signed-note spec's formula, not with OrgLedger's code.
 */
@LedgerIntegrationTest
class CheckpointHttpIT {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    TestRestTemplate http;

    @Test
    void the_newest_checkpoint_is_the_newest_signed_tree_head_and_verifies_with_sigstore() throws Exception {
        long sequence = Ledger.establish(http, "checkpoint-" + System.nanoTime());
        JsonNode root = TestUsers.auditor(http).getForObject("/api/audit/root", JsonNode.class);
        PublicKey ledgerKey = ledgerKey();

        ResponseEntity<String> response = TestUsers.auditor(http).getForEntity("/api/audit/checkpoint", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
        RekorEntry.Checkpoint checkpoint = Checkpoints.from(response.getBody());

        assertThat(checkpoint.getOrigin()).isEqualTo(AuditProperties.DEFAULT_ORIGIN);
        assertThat(checkpoint.getSize()).isEqualTo(root.get("treeSize").asLong());
        assertThat(Base64.getDecoder().decode(checkpoint.getBase64Hash())).isEqualTo(HEX.parseHex(root.get("root").asText()));
        assertThat(checkpoint.getSignatures()).singleElement().satisfies(signature -> {
            assertThat(signature.getIdentity()).isEqualTo(AuditProperties.DEFAULT_ORIGIN);
            assertThat(signature.getKeyHint()).isEqualTo(noteKeyId(AuditProperties.DEFAULT_ORIGIN, ledgerKey));
            assertThat(Verifiers.newVerifier(ledgerKey).verify(
                    checkpoint.getSignedData().getBytes(StandardCharsets.UTF_8), signature.getSignature())).isTrue();
            byte[] altered = checkpoint.getSignedData().replace("\n" + checkpoint.getSize() + "\n",
                    "\n" + (checkpoint.getSize() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(Verifiers.newVerifier(ledgerKey).verify(altered, signature.getSignature())).isFalse();
        });

        // an inclusion proof checked by sigstore's Merkle code against the checkpoint's root
        JsonNode proof = TestUsers.auditor(http).getForObject("/api/audit/proof?sequence=" + sequence
                + "&treeSize=" + checkpoint.getSize(), JsonNode.class);
        List<byte[]> path = java.util.stream.StreamSupport.stream(proof.get("path").spliterator(), false)
                .map(hash -> HEX.parseHex(hash.asText())).toList();
        InclusionProofVerifier.verify(HEX.parseHex(proof.get("leafHash").asText()), proof.get("leafIndex").asLong(),
                checkpoint.getSize(), path, Base64.getDecoder().decode(checkpoint.getBase64Hash()));
        assertThatThrownBy(() -> InclusionProofVerifier.verify(new byte[32], proof.get("leafIndex").asLong(),
                checkpoint.getSize(), path, Base64.getDecoder().decode(checkpoint.getBase64Hash())))
                .isInstanceOf(Exception.class);
    }

    @Test
    void the_verifier_key_names_the_origin_the_key_id_and_the_ledger_key() {
        PublicKey ledgerKey = ledgerKey();
        String verifierKey = TestUsers.auditor(http).getForObject("/api/audit/checkpoint/verifier-key", String.class);

        String[] parts = verifierKey.strip().split("\\+", 3);
        assertThat(parts[0]).isEqualTo(AuditProperties.DEFAULT_ORIGIN);
        assertThat(HEX.parseHex(parts[1])).isEqualTo(noteKeyId(AuditProperties.DEFAULT_ORIGIN, ledgerKey));
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        assertThat(typed[0]).isEqualTo((byte) 0x01);
        assertThat(Arrays.copyOfRange(typed, 1, typed.length)).isEqualTo(raw(ledgerKey));
        assertThat(TestUsers.auditor(http).getForObject("/api/audit/checkpoint/verifier-keys", String.class))
                .contains(verifierKey.strip());
    }

    @Test
    void every_signed_size_has_its_checkpoint_and_an_unknown_size_is_a_problem() throws Exception {
        Ledger.establish(http, "checkpoint-a-" + System.nanoTime());
        long size = TestUsers.auditor(http).getForObject("/api/audit/root", JsonNode.class).get("treeSize").asLong();
        Ledger.establish(http, "checkpoint-b-" + System.nanoTime());

        RekorEntry.Checkpoint older = Checkpoints.from(
                TestUsers.auditor(http).getForObject("/api/audit/checkpoint?size=" + size, String.class));
        assertThat(older.getSize()).isEqualTo(size);
        JsonNode head = TestUsers.auditor(http).getForObject("/api/audit/roots?afterSize=" + (size - 1) + "&limit=1",
                JsonNode.class).get("roots").get(0);
        assertThat(Base64.getDecoder().decode(older.getBase64Hash())).isEqualTo(HEX.parseHex(head.get("root").asText()));

        ResponseEntity<JsonNode> unknown = TestUsers.auditor(http).getForEntity("/api/audit/checkpoint?size=999999999",
                JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("UNKNOWN_CHECKPOINT");
        assertThat(http.getForEntity("/api/audit/checkpoint", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private PublicKey ledgerKey() {
        return Ed25519Keys.publicKeyFromPem(TestUsers.auditor(http).getForObject("/api/audit/key", JsonNode.class)
                .get("publicKey").asText());
    }

    private static byte[] raw(PublicKey key) {
        byte[] der = key.getEncoded();
        return Arrays.copyOfRange(der, der.length - 32, der.length);
    }

    /** c2sp.org/signed-note: SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]. */
    private static byte[] noteKeyId(String name, PublicKey key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(name.length() + 2).put(name.getBytes(StandardCharsets.UTF_8))
                    .put((byte) 0x0A).put((byte) 0x01).array());
            sha256.update(raw(key));
            return Arrays.copyOf(sha256.digest(), 4);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
