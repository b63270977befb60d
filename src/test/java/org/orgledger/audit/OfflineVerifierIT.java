package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.audit.note.Checkpoint;
import org.orgledger.audit.note.SignedNote;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The offline verifier trusts nothing unhashed, and, given the checkpoint a reader kept, proves
 * that an export extends it: the two attacks a ledger cannot detect on its own (the newest events
 * deleted with their tree heads; history rewritten and signed again) are caught here.
 */
@LedgerIntegrationTest
class OfflineVerifierIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    LedgerSigner signer;

    @TempDir
    Path directory;

    @Test
    void an_export_whose_readable_copies_contradict_the_hashed_bytes_is_invalid() throws Exception {
        Ledger.establish(http, "readable-" + System.nanoTime());
        List<String> lines = exportLines();
        assertThat(Ledger.verifyOffline(write("intact.jsonl", lines))).startsWith("0 ");
        int last = lastEventLine(lines);
        long sequence = json.readTree(lines.get(last)).get("sequence").asLong();

        ObjectNode payload = (ObjectNode) json.readTree(lines.get(last));
        ((ObjectNode) payload.get("payload").get("name")).put("en", "Forged office");
        assertThat(Ledger.verifyOffline(write("payload.jsonl", replaced(lines, last, payload))))
                .startsWith("1 ").contains("\"firstInvalidSequence\":" + sequence).contains("readable payload");

        ObjectNode recorder = (ObjectNode) json.readTree(lines.get(last));
        recorder.put("recordedBy", "someone-else");
        assertThat(Ledger.verifyOffline(write("recorder.jsonl", replaced(lines, last, recorder)))).startsWith("1 ").contains("recordedBy");

        ObjectNode extra = (ObjectNode) json.readTree(lines.get(last));
        extra.put("approvedBy", "the secretary-general");
        assertThat(Ledger.verifyOffline(write("extra.jsonl", replaced(lines, last, extra)))).startsWith("1 ").contains("approvedBy");
    }

    @Test
    void an_export_that_extends_the_kept_checkpoint_is_valid() throws Exception {
        Ledger.establish(http, "kept-" + System.nanoTime());
        String kept = checkpoint();
        Ledger.establish(http, "later-" + System.nanoTime());

        Path export = write("later.jsonl", exportLines());
        assertThat(Ledger.verifyOffline(export, "--checkpoint", write("kept.txt", kept).toString()))
                .startsWith("0 ").contains("\"extendsCheckpointOfSize\":" + Checkpoint.parse(SignedNote.parse(kept).text()).treeSize());
    }

    @Test
    void deleting_the_newest_events_with_their_tree_heads_is_a_rollback_of_the_kept_checkpoint() throws Exception {
        Ledger.establish(http, "before-rollback-" + System.nanoTime());
        String older = checkpoint();
        long olderSize = sizeOf(older);
        Ledger.establish(http, "rolled-back-" + System.nanoTime());
        List<String> lines = exportLines();
        String newer = checkpoint();

        // what someone with the database and the key does: the newest events and their heads go
        List<String> truncated = new ArrayList<>();
        int events = 0;
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            String record = node.get("record").asText();
            boolean keep = switch (record) {
                case "event" -> ++events <= olderSize;
                case "treeHead" -> node.get("treeSize").asLong() <= olderSize;
                default -> true;
            };
            if (keep) {
                truncated.add(line);
            }
        }
        Path export = write("truncated.jsonl", truncated);

        assertThat(Ledger.verifyOffline(export)).as("alone, the truncated log is consistent").startsWith("0 ");
        assertThat(Ledger.verifyOffline(export, "--checkpoint", write("older.txt", older).toString())).startsWith("0 ");
        assertThat(Ledger.verifyOffline(export, "--checkpoint", write("newer.txt", newer).toString()))
                .startsWith("1 ").contains("rollback");
    }

    @Test
    void a_kept_checkpoint_whose_root_the_export_does_not_have_is_a_fork() throws Exception {
        Ledger.establish(http, "fork-" + System.nanoTime());
        long size = sizeOf(checkpoint());
        Path export = write("fork.jsonl", exportLines());
        // What a reader holds when, after they kept it, the ledger rewrote its history and signed
        // the rewritten tree again with its own key: the same size, another root.
        byte[] otherRoot = new byte[32];
        Arrays.fill(otherRoot, (byte) 7);
        String rewritten = signer.checkpoint(size, otherRoot).render();

        assertThat(Ledger.verifyOffline(export, "--checkpoint", write("rewritten.txt", rewritten).toString()))
                .startsWith("1 ").contains("fork");
    }

    @Test
    void a_kept_checkpoint_that_no_trusted_key_signed_is_refused() throws Exception {
        Ledger.establish(http, "forged-" + System.nanoTime());
        String kept = checkpoint();
        Path export = write("forged.jsonl", exportLines());
        String unsigned = SignedNote.parse(kept).text() + "\n— " + signer.origin()
                + " AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";

        assertThat(Ledger.verifyOffline(export, "--checkpoint", write("unsigned.txt", unsigned).toString()))
                .startsWith("1 ").contains("not signed by a key trusted");
    }

    @Test
    void after_a_key_rotation_the_reader_pins_every_key_the_ledger_used() throws Exception {
        Ledger.establish(http, "pinned-" + System.nanoTime());
        Path export = write("pinned.jsonl", exportLines());
        Path ledgerKey = write("ledger-key.pem", TestUsers.auditor(http).getForObject("/api/audit/key", JsonNode.class)
                .get("publicKey").asText());
        Path otherKey = write("other-key.pem", org.orgledger.audit.chain.Ed25519Keys.publicKeyPem(
                org.orgledger.audit.chain.Ed25519Keys.generate().getPublic()));

        assertThat(Ledger.verifyOffline(export, "--public-key", otherKey.toString(), "--public-key", ledgerKey.toString()))
                .startsWith("0 ");
        assertThat(Ledger.verifyOffline(export, "--public-key", otherKey.toString())).startsWith("1 ").contains("unknown key");
        // or every key the ledger has used, in one file of verifier keys
        Path verifierKeys = write("verifier-keys.txt",
                TestUsers.auditor(http).getForObject("/api/audit/checkpoint/verifier-keys", String.class));
        assertThat(Ledger.verifyOffline(export, "--public-key", verifierKeys.toString(), "--checkpoint",
                write("kept-with-keys.txt", checkpoint()).toString())).startsWith("0 ");
    }

    private String checkpoint() {
        return TestUsers.auditor(http).getForObject("/api/audit/checkpoint", String.class);
    }

    private static long sizeOf(String checkpoint) {
        return Checkpoint.parse(SignedNote.parse(checkpoint).text()).treeSize();
    }

    private List<String> exportLines() {
        String body = TestUsers.auditor(http).getForObject("/api/audit/export?format=jsonl", String.class);
        return List.of(body.split("\n"));
    }

    private int lastEventLine(List<String> lines) throws Exception {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (json.readTree(lines.get(i)).get("record").asText().equals("event")) {
                return i;
            }
        }
        throw new AssertionError("no event in the export");
    }

    private List<String> replaced(List<String> lines, int index, JsonNode line) throws Exception {
        List<String> copy = new ArrayList<>(lines);
        copy.set(index, json.writeValueAsString(line));
        return copy;
    }

    private Path write(String name, List<String> lines) throws Exception {
        return Files.writeString(directory.resolve(name), String.join("\n", lines) + "\n");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }
}
