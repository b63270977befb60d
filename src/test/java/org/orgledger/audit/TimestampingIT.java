package org.orgledger.audit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestProfiles;
import org.orgledger.TestUsers;
import org.orgledger.audit.chain.CanonicalForm;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.tiles.TileStore;
import org.orgledger.audit.tiles.TileAppender;
import org.orgledger.audit.timestamp.OpensslTsa;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RFC 3161 timestamps from a real Time-Stamp Authority ({@code openssl ts}, run in this test):
 * each new tree head is stamped after its command has answered, the stamp is checked by both
 * verifiers (and by openssl itself), and the attack of issue 13 (rewrite an event, recompute the
 * later hashes, re-sign the tree heads with the ledger's own key) is reported once heads are
 * stamped. Tampering runs in a rolled-back transaction with the immutability triggers off, as a
 * database superuser could. The waits only bound a hang: nothing asserts how fast the TSA is asked.
 */
@LedgerIntegrationTest
class TimestampingIT {

    /**
     * A verdict covers every stamp in the ledger: on the shared external database the other
     * timestamp test's stamps, from a TSA this test does not trust, are there too.
     */
    @BeforeAll
    static void onALedgerOfItsOwn() {
        assumeTrue(TestProfiles.active().length == 1,
                "needs a ledger of its own (the embedded default)");
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final OpensslTsa TSA = OpensslTsa.start();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LedgerAudit audit;
    @Autowired
    LedgerSigner signer;
    @Autowired
    LogExport export;

    @TempDir
    Path directory;

    @DynamicPropertySource
    static void stamped(DynamicPropertyRegistry properties) {
        properties.add("orgledger.audit.timestamps.url", () -> TSA.url().toString());
        properties.add("orgledger.audit.timestamps.trusted-certificates", () -> TSA.caCertificate().toString());
        // every newest head, so that the test need not wait an interval
        properties.add("orgledger.audit.timestamps.interval", () -> "PT0S");
        properties.add("orgledger.audit.timestamps.max-delay", () -> "PT1H");
    }

    @AfterAll
    static void stopTsa() {
        TSA.close();
    }

    @Test
    void a_tree_head_is_stamped_after_its_command_answered_and_the_stamp_verifies_with_openssl_too() throws Exception {
        TSA.hold();
        long size;
        try {
            Ledger.establish(http, "stamped-" + System.nanoTime());
            size = newestSize();
            assertThat(stampedSizes()).as("the command answered before its head was stamped").doesNotContain(size);
            JsonNode waiting = verify();
            assertThat(waiting.get("valid").asBoolean()).as("%s", waiting).isTrue();
            assertThat(waiting.at("/timestamps/pendingHeads").asInt()).as("reported as not stamped yet").isPositive();
        } finally {
            TSA.release();
        }
        awaitStamped(size);

        JsonNode verdict = verify();
        assertThat(verdict.get("valid").asBoolean()).as("%s", verdict).isTrue();
        assertThat(verdict.at("/timestamps/checked").asBoolean()).isTrue();
        assertThat(verdict.at("/timestamps/stampedTreeSize").asLong()).isGreaterThanOrEqualTo(size);

        // an RFC 3161 tool that knows nothing of OrgLedger checks the same token against the statement
        JsonNode stamp = TestUsers.auditor(http).getForObject("/api/audit/timestamps/" + size, JsonNode.class);
        Path statement = Files.writeString(directory.resolve("statement.txt"), stamp.get("statement").asText());
        Path token = Files.write(directory.resolve("token.tst"), Base64.getDecoder().decode(stamp.get("token").asText()));
        assertThat(OpensslTsa.openssl(directory, "ts", "-verify", "-data", statement.toString(), "-in", token.toString(),
                "-token_in", "-CAfile", TSA.caCertificate().toString())).contains("Verification: OK");
        assertThat(stamp.get("statement").asText()).as("the statement is the head's signed statement")
                .isEqualTo(new String(headOfSize(size).statement(), StandardCharsets.UTF_8));
    }

    @Test
    void the_stamps_are_listed_for_auditors_and_an_unknown_one_is_a_problem_with_a_stable_code() throws Exception {
        Ledger.establish(http, "listed-" + System.nanoTime());
        awaitStamped(newestSize());
        List<Long> stamped = stampedSizes();

        JsonNode listed = TestUsers.auditor(http).getForObject("/api/audit/timestamps?afterSize=0&limit=1000", JsonNode.class);
        List<Long> sizes = new ArrayList<>();
        listed.get("timestamps").forEach(stamp -> sizes.add(stamp.get("treeSize").asLong()));
        assertThat(sizes).containsAll(stamped);

        ResponseEntity<JsonNode> unknown = TestUsers.auditor(http).getForEntity("/api/audit/timestamps/999999999",
                JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("UNKNOWN_TIMESTAMP");
        ResponseEntity<JsonNode> badLimit = TestUsers.auditor(http).getForEntity("/api/audit/timestamps?limit=0",
                JsonNode.class);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().get("code").asText()).isEqualTo("INVALID_LIMIT");
        assertThat(http.getForEntity("/api/audit/timestamps", String.class).getStatusCode())
                .as("auditors only, as the rest of /api/audit").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_tsa_that_fails_is_asked_again_and_the_command_does_not_fail() throws Exception {
        TSA.failNext(2);
        Ledger.establish(http, "tsa-down-" + System.nanoTime());
        awaitStamped(newestSize());
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void an_altered_stored_token_is_reported_by_both_verifiers() throws Exception {
        Ledger.establish(http, "token-" + System.nanoTime());
        long size = newestSize();
        awaitStamped(size);

        Tampered tampered = tampered(sql -> sql.update("UPDATE ledger_timestamp"
                + " SET token = set_byte(token, length(token) - 3, get_byte(token, length(token) - 3) # 1)"
                + " WHERE tree_size = ?", size));

        assertThat(tampered.verdict().valid()).isFalse();
        assertThat(tampered.verdict().reason()).contains("timestamp of the tree head of size " + size);
        assertThat(Ledger.verifyOffline(tampered.export(), "--tsa-certificate", TSA.caCertificate().toString()))
                .startsWith("1 ").contains("timestamp of the tree head of size " + size);
    }

    @Test
    void rewriting_an_event_and_resigning_the_heads_with_the_ledgers_key_is_reported_by_both_verifiers() throws Exception {
        long rewritten = Ledger.establish(http, "rewritten-" + System.nanoTime());
        Ledger.establish(http, "after-rewrite-" + System.nanoTime());
        long size = newestSize();
        awaitStamped(size);
        Path intact = write("intact.jsonl", exportBytes());
        assertThat(Ledger.verifyOffline(intact, "--tsa-certificate", TSA.caCertificate().toString())).startsWith("0 ")
                .contains("\"stampedTreeSize\":" + size);

        Tampered tampered = tampered(sql -> rewriteAndResign(sql, rewritten));

        assertThat(tampered.verdict().valid()).as("the stolen key alone would pass: the chain and the heads agree")
                .isFalse();
        assertThat(tampered.verdict().reason()).contains("message imprint");
        assertThat(Ledger.verifyOffline(tampered.export())).as("without trusting the TSA, the rewrite is not seen")
                .startsWith("0 ");
        assertThat(Ledger.verifyOffline(tampered.export(), "--tsa-certificate", TSA.caCertificate().toString()))
                .startsWith("1 ").contains("message imprint");
        Path otherCa = Files.writeString(directory.resolve("other-ca.pem"), otherCaCertificate());
        assertThat(Ledger.verifyOffline(intact, "--tsa-certificate", otherCa.toString()))
                .as("a token is only as good as the TSA the reader trusts").startsWith("1 ").contains("does not chain");
    }

    /**
     * What someone with the database and {@code signing-key.pem} does: changes an event, recomputes
     * every later chain hash exactly as the ledger would, signs every tree head from there on
     * again with the ledger's key and rebuilds the stored tiles. The chain, the signatures and the
     * tiles then agree.
     */
    private void rewriteAndResign(JdbcTemplate sql, long sequence) {
        sql.update("UPDATE domain_event_entry"
                + " SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Office', 'Bureau'), 'UTF8')"
                + " WHERE global_index = ?", sequence);
        byte[] previous = sql.queryForObject("SELECT hash FROM ledger_hash WHERE sequence ="
                + " (SELECT max(sequence) FROM ledger_hash WHERE sequence < ?)", byte[].class, sequence);
        for (Long later : sql.queryForList("SELECT sequence FROM ledger_hash WHERE sequence >= ? ORDER BY sequence",
                Long.class, sequence)) {
            StoredEvent event = sql.queryForObject("SELECT " + StoredEventRows.COLUMNS
                    + " FROM domain_event_entry e WHERE e.global_index = ?", (rs, n) -> StoredEventRows.map(rs), later);
            byte[] hash = CanonicalForm.hash(previous, event);
            sql.update("UPDATE ledger_hash SET previous_hash = ?, hash = ? WHERE sequence = ?", previous, hash, later);
            previous = hash;
        }
        MerkleTree tree = MerkleTree.fromLeafInputs(sql.queryForList("SELECT hash FROM ledger_hash ORDER BY sequence",
                byte[].class));
        for (SignedTreeHead head : sql.query("SELECT tree_size, last_sequence, root, recorded_at, key_id, signature"
                        + " FROM ledger_tree_head WHERE last_sequence >= ?",
                (rs, n) -> new SignedTreeHead(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)), sequence)) {
            SignedTreeHead resigned = signer.sign(head.treeSize(), head.lastSequence(),
                    tree.rootOf((int) head.treeSize()), head.recordedAt());
            sql.update("UPDATE ledger_tree_head SET root = ?, signature = ? WHERE tree_size = ?",
                    resigned.root(), resigned.signature(), head.treeSize());
        }
        // and the stored Merkle tiles, rebuilt from the rewritten chain as the ledger builds them
        sql.update("DELETE FROM ledger_tile");
        TileAppender tiles = TileAppender.empty();
        sql.queryForList("SELECT hash FROM ledger_hash ORDER BY sequence", byte[].class)
                .forEach(leaf -> tiles.append(MerkleHashing.leafHash(leaf)));
        TileStore.write(sql, tiles.drainChanged());
    }

    private record Tampered(Verdict verdict, Path export) {
    }

    /** Tampers with the triggers off, verifies and exports in the same transaction, then rolls back. */
    private Tampered tampered(Consumer<JdbcTemplate> tampering) {
        Tampered tampered = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("SET LOCAL session_replication_role = replica");
            tampering.accept(jdbc);
            try {
                return new Tampered(audit.verify(), write("tampered-" + System.nanoTime() + ".jsonl", exportBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(audit.verify().valid()).as("the tampering was rolled back").isTrue();
        return tampered;
    }

    private byte[] exportBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.writeJsonLines(out);
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private String otherCaCertificate() throws Exception {
        Path other = Files.createDirectories(directory.resolve("other-tsa"));
        OpensslTsa.makeCertificates(other);
        return Files.readString(other.resolve("ca.crt"));
    }

    private JsonNode verify() {
        return TestUsers.auditor(http).getForObject("/api/audit/verify", JsonNode.class);
    }

    private long newestSize() {
        return jdbc.queryForObject("SELECT max(tree_size) FROM ledger_tree_head", Long.class);
    }

    private SignedTreeHead headOfSize(long size) {
        return jdbc.queryForObject("SELECT tree_size, last_sequence, root, recorded_at, key_id, signature"
                        + " FROM ledger_tree_head WHERE tree_size = ?",
                (rs, n) -> new SignedTreeHead(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)), size);
    }

    private List<Long> stampedSizes() {
        return jdbc.queryForList("SELECT tree_size FROM ledger_timestamp", Long.class);
    }

    private void awaitStamped(long size) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Long stamped = jdbc.queryForObject("SELECT max(tree_size) FROM ledger_timestamp", Long.class);
            if (stamped != null && stamped >= size) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the tree head of size " + size + " was not stamped within " + PATIENCE
                + "; the TSA answered " + TSA.answered() + " requests");
    }
}
