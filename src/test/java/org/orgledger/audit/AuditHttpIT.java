package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.TestUsers;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.audit.chain.Ed25519Keys;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.cli.VerifyCommand;
import org.orgledger.audit.merkle.MerkleProofs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@LedgerIntegrationTest
class AuditHttpIT {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @TempDir
    Path directory;

    @Test
    void the_audit_log_lists_events_in_recorded_order_with_their_hashes_and_filters_them() {
        String parent = "audit-log-" + System.nanoTime();
        long first = Ledger.establish(http, parent, "ENTITY", "Audited entity", null, "TEST/AUDIT/2");
        long second = Ledger.establish(http, parent + "/division", "DIVISION", "Audited division", parent, "TEST/AUDIT/1");

        JsonNode page = TestUsers.auditor(http).getForObject("/api/audit/log?afterSequence=" + (first - 1) + "&limit=2", JsonNode.class);
        JsonNode events = page.get("events");
        assertThat(events).hasSize(2);
        JsonNode event = events.get(0);
        assertThat(event.get("sequence").asLong()).isEqualTo(first);
        assertThat(event.get("type").asText()).isEqualTo("UnitEstablished");
        assertThat(event.get("recordedBy").asText()).isEqualTo("registrar");
        assertThat(event.get("recordedAt").asText()).endsWith("Z");
        assertThat(event.get("payload").get("unitId").asText()).isEqualTo(parent);
        assertThat(event.get("hash").asText()).hasSize(64);
        assertThat(events.get(1).get("previousHash").asText()).isEqualTo(event.get("hash").asText());

        JsonNode byUnit = TestUsers.auditor(http).getForObject("/api/audit/log?unitId=" + parent + "/division", JsonNode.class);
        assertThat(sequencesOf(byUnit)).containsExactly(second);
        JsonNode byInstrument = TestUsers.auditor(http).getForObject("/api/audit/log?afterSequence=" + (first - 1) + "&instrument=TEST/AUDIT/2",
                JsonNode.class);
        assertThat(sequencesOf(byInstrument)).containsExactly(first);
        String recordedAt = events.get(1).get("recordedAt").asText();
        JsonNode byTime = TestUsers.auditor(http).getForObject("/api/audit/log?afterSequence=" + (first - 1) + "&recordedFrom=" + recordedAt
                + "&recordedBy=registrar", JsonNode.class);
        assertThat(sequencesOf(byTime)).startsWith(second);
        assertThat(sequencesOf(TestUsers.auditor(http).getForObject("/api/audit/log?recordedBy=nobody", JsonNode.class))).isEmpty();

        JsonNode firstPage = TestUsers.auditor(http).getForObject("/api/audit/log?afterSequence=" + (first - 1) + "&limit=1", JsonNode.class);
        assertThat(firstPage.get("nextAfterSequence").asLong()).isEqualTo(first);
    }

    @Test
    void a_ledger_that_nobody_tampered_with_verifies() {
        Ledger.establish(http, "audit-verify-" + System.nanoTime());
        JsonNode verdict = TestUsers.auditor(http).getForObject("/api/audit/verify", JsonNode.class);
        assertThat(verdict.get("valid").asBoolean()).as("%s", verdict).isTrue();
        assertThat(verdict.get("eventsChecked").asLong()).isPositive();
        JsonNode lastEvent = lastEvent();
        assertThat(verdict.get("head").asText()).isEqualTo(lastEvent.get("hash").asText());
    }

    @Test
    void an_inclusion_proof_checks_out_against_an_independent_recomputation_and_the_signed_root() throws Exception {
        long sequence = Ledger.establish(http, "audit-proof-" + System.nanoTime());
        Ledger.establish(http, "audit-proof-later-" + System.nanoTime());

        JsonNode proof = TestUsers.auditor(http).getForObject("/api/audit/proof?sequence=" + sequence, JsonNode.class);
        List<JsonNode> log = wholeLog();
        int treeSize = proof.get("treeSize").asInt();
        assertThat(treeSize).isEqualTo(log.size());
        List<byte[]> eventHashes = log.stream().map(e -> HEX.parseHex(e.get("hash").asText())).toList();
        int index = proof.get("leafIndex").asInt();
        assertThat(log.get(index).get("sequence").asLong()).isEqualTo(sequence);

        // independent: RFC 6962 MTH written out here from its definition
        byte[] root = HEX.parseHex(proof.get("root").asText());
        assertThat(root).isEqualTo(mth(eventHashes));
        byte[] leafHash = sha256(new byte[] {0}, eventHashes.get(index));
        assertThat(proof.get("leafHash").asText()).isEqualTo(HEX.formatHex(leafHash));
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(node -> path.add(HEX.parseHex(node.asText())));
        assertThat(MerkleProofs.verifyInclusion(leafHash, index, treeSize, path, root)).isTrue();
        assertThat(MerkleProofs.verifyInclusion(leafHash, index == 0 ? 1 : 0, treeSize, path, root)).isFalse();

        // the root is signed by the ledger's published key
        JsonNode head = TestUsers.auditor(http).getForObject("/api/audit/root", JsonNode.class);
        JsonNode key = TestUsers.auditor(http).getForObject("/api/audit/key", JsonNode.class);
        assertThat(head.get("root").asText()).isEqualTo(proof.get("root").asText());
        byte[] statement = SignedTreeHead.statement(head.get("treeSize").asLong(), head.get("lastSequence").asLong(),
                root, head.get("recordedAt").asText());
        assertThat(Ed25519Keys.verify(Ed25519Keys.publicKeyFromPem(key.get("publicKey").asText()), statement,
                HEX.parseHex(head.get("signature").asText()))).isTrue();
        assertThat(head.get("keyId").asText()).isEqualTo(key.get("keyId").asText());
    }

    @Test
    void a_consistency_proof_shows_an_earlier_signed_tree_is_a_prefix_of_the_current_one() {
        Ledger.establish(http, "audit-consistency-" + System.nanoTime());
        long older = TestUsers.auditor(http).getForObject("/api/audit/root", JsonNode.class).get("treeSize").asLong();
        Ledger.establish(http, "audit-consistency-later-" + System.nanoTime());
        Ledger.establish(http, "audit-consistency-latest-" + System.nanoTime());

        JsonNode consistency = TestUsers.auditor(http).getForObject("/api/audit/consistency?from=" + older, JsonNode.class);
        List<byte[]> proof = new ArrayList<>();
        consistency.get("proof").forEach(node -> proof.add(HEX.parseHex(node.asText())));
        byte[] oldRoot = HEX.parseHex(consistency.get("fromRoot").asText());
        byte[] newRoot = HEX.parseHex(consistency.get("toRoot").asText());
        assertThat(consistency.get("to").asLong()).isEqualTo(older + 2);
        assertThat(MerkleProofs.verifyConsistency(older, older + 2, oldRoot, newRoot, proof)).isTrue();

        JsonNode roots = TestUsers.auditor(http).getForObject("/api/audit/roots?afterSize=" + (older - 1) + "&limit=1", JsonNode.class);
        assertThat(roots.get("roots").get(0).get("root").asText()).isEqualTo(consistency.get("fromRoot").asText());
    }

    @Test
    void an_imported_file_is_covered_by_one_signed_tree_head_and_sizes_inside_it_are_proven_from_the_leaves() {
        long before = TestUsers.auditor(http).getForObject("/api/audit/root", JsonNode.class).get("treeSize").asLong();
        String symbol = "AUDIT/BATCH/" + System.nanoTime();
        String unit = "audit-batch-" + System.nanoTime();
        String file = """
                format: orgledger-bulletin/1
                instrument:
                  symbol: %s
                  kind: OTHER
                  title:
                    en: "One transaction, one head"
                  issuedOn: "2001-01-01"
                  effectiveFrom: "2001-01-01"
                units:
                  - id: %s
                    kind: OFFICE
                    name:
                      en: "Batch office"
                    provision: "1"
                    functions:
                      - id: %s-a
                        provision: "1(a)"
                        text:
                          en: "First"
                      - id: %s-b
                        provision: "1(b)"
                        text:
                          en: "Second"
                """.formatted(symbol, unit, unit, unit);
        JsonNode imported = Ledger.importYaml(http, file);
        long after = before + imported.get("sequences").size();
        assertThat(after).isEqualTo(before + 4);

        JsonNode roots = TestUsers.auditor(http).getForObject("/api/audit/roots?afterSize=" + before + "&limit=10", JsonNode.class);
        List<Long> sizes = new ArrayList<>();
        roots.get("roots").forEach(root -> sizes.add(root.get("treeSize").asLong()));
        assertThat(sizes).startsWith(after).doesNotContain(before + 1, before + 2, before + 3);

        long inside = before + 2;
        JsonNode consistency = TestUsers.auditor(http).getForObject("/api/audit/consistency?from=" + inside + "&to=" + after,
                JsonNode.class);
        assertThat(consistency.path("fromTreeHead").isMissingNode() || consistency.path("fromTreeHead").isNull()).isTrue();
        List<byte[]> proof = new ArrayList<>();
        consistency.get("proof").forEach(node -> proof.add(HEX.parseHex(node.asText())));
        assertThat(MerkleProofs.verifyConsistency(inside, after, HEX.parseHex(consistency.get("fromRoot").asText()),
                HEX.parseHex(consistency.get("toRoot").asText()), proof)).isTrue();
        assertThat(TestUsers.auditor(http).getForObject("/api/audit/verify", JsonNode.class).get("valid").asBoolean()).isTrue();
    }

    @Test
    void the_exported_log_verifies_offline_and_its_bytes_rehash_to_its_chain() throws Exception {
        Ledger.establish(http, "audit-export-" + System.nanoTime());
        ResponseEntity<String> export = TestUsers.auditor(http).getForEntity("/api/audit/export?format=jsonl", String.class);
        assertThat(export.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_NDJSON)).isTrue();
        Path file = Files.writeString(directory.resolve("export.jsonl"), export.getBody());

        // independent: the canonical form of docs/audit-chain.md written out with DataOutputStream
        byte[] previous = new byte[32];
        for (String line : export.getBody().split("\n")) {
            JsonNode node = json.readTree(line);
            if (node.get("record").asText().equals("event")) {
                assertThat(node.get("previousHash").asText()).isEqualTo(HEX.formatHex(previous));
                previous = sha256(canonical(previous, node));
                assertThat(node.get("hash").asText()).isEqualTo(HEX.formatHex(previous));
            }
        }

        assertThat(runVerify("--file", file.toString())).startsWith("0 ").contains("\"valid\":true");

        Path tampered = directory.resolve("tampered.jsonl");
        String body = export.getBody();
        String[] lines = body.split("\n");
        int target = lastEventLine(lines);
        JsonNode victim = json.readTree(lines[target]);
        String original = victim.get("payloadBytes").asText();
        String altered = Base64.getEncoder().encodeToString(
                new String(Base64.getDecoder().decode(original), StandardCharsets.UTF_8).replace("Office", "Bureau")
                        .getBytes(StandardCharsets.UTF_8));
        lines[target] = lines[target].replace(original, altered);
        Files.writeString(tampered, String.join("\n", lines) + "\n");
        assertThat(runVerify("--file", tampered.toString()))
                .startsWith("1 ").contains("\"firstInvalidSequence\":" + victim.get("sequence").asLong());

        String csv = TestUsers.auditor(http).getForObject("/api/audit/export?format=csv", String.class);
        assertThat(csv).startsWith("sequence,recordedAt,recordedBy,type,");
    }

    @Test
    void unknown_sequences_and_formats_are_problems_with_stable_codes() {
        Ledger.establish(http, "audit-problem-" + System.nanoTime());
        ResponseEntity<JsonNode> unknown = TestUsers.auditor(http).getForEntity("/api/audit/proof?sequence=999999999", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("UNKNOWN_SEQUENCE");

        ResponseEntity<JsonNode> format = TestUsers.auditor(http).getForEntity("/api/audit/export?format=xml", JsonNode.class);
        assertThat(format.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(format.getBody().get("code").asText()).isEqualTo("UNSUPPORTED_FORMAT");

        ResponseEntity<JsonNode> consistency = TestUsers.auditor(http).getForEntity("/api/audit/consistency?from=999999999", JsonNode.class);
        assertThat(consistency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(consistency.getBody().get("code").asText()).isEqualTo("INVALID_TREE_SIZE");

        ResponseEntity<JsonNode> limit = TestUsers.auditor(http).getForEntity("/api/audit/log?limit=0", JsonNode.class);
        assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** The newest event is one this test recorded: an office, so its payload says "Office". */
    private int lastEventLine(String[] lines) throws IOException {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (json.readTree(lines[i]).get("record").asText().equals("event")) {
                return i;
            }
        }
        throw new AssertionError("no event in the export");
    }

    private String runVerify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode lastEvent() {
        List<JsonNode> log = wholeLog();
        return log.get(log.size() - 1);
    }

    private List<JsonNode> wholeLog() {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = TestUsers.auditor(http).getForObject("/api/audit/log?limit=1000&afterSequence=" + after, JsonNode.class);
            page.get("events").forEach(events::add);
            if (page.get("nextAfterSequence") == null || page.get("nextAfterSequence").isNull()) {
                return events;
            }
            after = page.get("nextAfterSequence").asLong();
        }
    }

    private static List<Long> sequencesOf(JsonNode page) {
        List<Long> sequences = new ArrayList<>();
        page.get("events").forEach(event -> sequences.add(event.get("sequence").asLong()));
        return sequences;
    }

    private static byte[] canonical(byte[] previous, JsonNode event) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        field(out, "orgledger-event-v1".getBytes(StandardCharsets.UTF_8));
        field(out, previous);
        for (String name : List.of("sequence", "eventIdentifier", "aggregateType", "aggregateIdentifier",
                "aggregateSequence", "payloadType", "payloadRevision")) {
            field(out, event.get(name).isNull() ? null : event.get(name).asText().getBytes(StandardCharsets.UTF_8));
        }
        field(out, Base64.getDecoder().decode(event.get("payloadBytes").asText()));
        field(out, event.get("metaDataBytes").isNull() ? null : Base64.getDecoder().decode(event.get("metaDataBytes").asText()));
        field(out, event.get("timeStamp").asText().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            out.write(value);
        }
    }

    private static byte[] mth(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return sha256(new byte[] {0}, leaves.get(0));
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return sha256(new byte[] {1}, mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (byte[] part : parts) {
            sha256.update(part);
        }
        return sha256.digest();
    }
}
