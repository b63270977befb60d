package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proof latency on a large log, before (every leaf read, the tree built in memory) and after (the
 * stored tiles), each as a ratio to a one-row primary-key read measured in the same run. The log is
 * grown synthetically inside a transaction that is rolled back: {@code -Dbenchmark.proof.leaves=N}
 * chain rows (default 150,000) with their tiles and one tree head. Prints figures; asserts only that
 * both ways give the same proofs. Run: {@code ./mvnw verify -Pbenchmark -Dit.test=ProofLatencyBenchmark}.
 */
@LedgerIntegrationTest
class ProofLatencyBenchmark {

    private static final int ROUNDS = 15;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TileStore tiles;
    @Autowired
    LedgerAudit audit;

    @Test
    void proof_latency_from_the_stored_tiles_against_reading_every_leaf() {
        int added = Integer.getInteger("benchmark.proof.leaves", 150_000);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.execute("SET LOCAL session_replication_role = replica");
            long before = jdbc.queryForObject("SELECT count(*) FROM ledger_hash", Long.class);
            long firstSequence = jdbc.queryForObject("SELECT coalesce(max(sequence), 0) FROM ledger_hash", Long.class) + 1;
            jdbc.update("INSERT INTO ledger_hash (sequence, previous_hash, hash)"
                    + " SELECT s, sha256(int8send(s - 1)), sha256(int8send(s)) FROM generate_series(?::bigint, ?::bigint) s",
                    firstSequence, firstSequence + added - 1);
            for (long from = firstSequence; from < firstSequence + added; from += 10_000) {
                List<byte[]> chunk = jdbc.query("SELECT hash FROM ledger_hash WHERE sequence >= ? AND sequence < ? ORDER BY sequence",
                        (rs, n) -> rs.getBytes(1), from, Math.min(from + 10_000, firstSequence + added));
                tiles.append(before + (from - firstSequence), chunk);
            }
            long size = before + added;
            long lastSequence = firstSequence + added - 1;
            // One head per 1,000 leaves, as imported files of about that size leave (the benchmark's
            // history has ~1,160 changes a file); unsigned (foreign keys are off in this transaction):
            // the proofs are compared and timed, not verified.
            jdbc.update("INSERT INTO ledger_tree_head (tree_size, last_sequence, root, recorded_at, frontier, key_id, signature)"
                    + " SELECT ? + k * 1000, ? + k * 1000 - 1, sha256(int8send(k)), '2026-11-30T00:00:00Z', ''::bytea,"
                    + " 'benchmark', ''::bytea FROM generate_series(1, ? / 1000 - 1) k", before, firstSequence, added);
            jdbc.update("INSERT INTO ledger_tree_head (tree_size, last_sequence, root, recorded_at, frontier, key_id, signature)"
                    + " VALUES (?, ?, ?, '2026-11-30T00:00:00Z', ''::bytea, 'benchmark', ''::bytea)",
                    size, lastSequence, tiles.root(size));

            Random random = new Random(7);
            double baseline = median(() -> jdbc.queryForObject("SELECT hash FROM ledger_hash WHERE sequence = ?", byte[].class,
                    firstSequence + random.nextInt(added)));
            double fromTiles = median(() -> audit.inclusionProof(firstSequence + random.nextInt(added), null));
            double tilesOnly = median(() -> tiles.inclusionProof(random.nextInt((int) size), size));
            List<Long> indexes = new ArrayList<>();
            List<List<byte[]>> scanned = new ArrayList<>();
            double fromLeaves = median(() -> {
                long leafIndex = random.nextInt((int) size);
                // What LedgerAudit did before V55: read every leaf, build the tree, then prove.
                List<byte[]> leaves = jdbc.query("SELECT hash FROM ledger_hash ORDER BY sequence LIMIT ?",
                        (rs, n) -> rs.getBytes(1), size);
                indexes.add(leafIndex);
                scanned.add(MerkleTree.fromLeafInputs(leaves).inclusionProof((int) leafIndex, (int) size));
                return null;
            });
            for (int i = 0; i < scanned.size(); i++) {
                assertThat(hex(tiles.inclusionProof(indexes.get(i), size))).isEqualTo(hex(scanned.get(i)));
            }
            double consistencyFromTiles = median(() -> audit.consistencyProof(1 + random.nextInt((int) size - 1), null));
            System.out.printf("%nPROOF LATENCY at %,d leaves (median of %d; ratios to a one-row primary-key read, same run)%n"
                            + "  primary-key read           %8.2f ms  1x%n"
                            + "  inclusion, stored tiles    %8.2f ms  %.1fx (the endpoint's work: leaf lookup + path)%n"
                            + "  inclusion path, tiles only %8.2f ms  %.1fx%n"
                            + "  consistency, stored tiles  %8.2f ms  %.1fx%n"
                            + "  inclusion, every leaf read %8.2f ms  %.1fx (the code before V55)%n"
                            + "  every-leaf / tiles         %.0fx%n%n",
                    size, ROUNDS, baseline, fromTiles, fromTiles / baseline, tilesOnly, tilesOnly / baseline, consistencyFromTiles,
                    consistencyFromTiles / baseline, fromLeaves, fromLeaves / baseline, fromLeaves / fromTiles);
        });
    }

    private static double median(Supplier<?> action) {
        action.get(); // warm-up
        double[] millis = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            action.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[ROUNDS / 2];
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(java.util.HexFormat.of()::formatHex).toList();
    }
}
