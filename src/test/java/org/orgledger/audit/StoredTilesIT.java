package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V56__ledger_tiles_for_existing_leaves;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.audit.chain.Verdict;
import org.orgledger.audit.merkle.MerkleHashing;
import org.orgledger.audit.merkle.MerkleProofs;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The stored tiles on PostgreSQL: written by commands and imports of several sizes, they give the
 * same roots and proofs as a tree built from every leaf; verify reports a tampered tile; the
 * database lets a partial tile grow and refuses every other change; V56 rebuilds them.
 */
@LedgerIntegrationTest
class StoredTilesIT {

    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TileStore tiles;
    @Autowired
    LedgerAudit audit;

    /** Recorded once for the class: the tests only read, or roll back what they change. */
    private static Long importedSequence;

    @BeforeEach
    void record_commands_and_an_import_that_crosses_a_tile_boundary() {
        if (importedSequence != null) {
            return;
        }
        String prefix = "tiles-" + System.nanoTime();
        Ledger.establish(http, prefix + "-a");
        importedSequence = importUnitWithFunctions(prefix + "-import", 300);
        Ledger.establish(http, prefix + "-b");
        Ledger.establish(http, prefix + "-c");
    }

    @Test
    void roots_and_proofs_from_the_stored_tiles_equal_those_of_a_tree_built_from_every_leaf() {
        List<byte[]> leaves = jdbc.query("SELECT hash FROM ledger_hash ORDER BY sequence", (rs, n) -> rs.getBytes(1));
        MerkleTree tree = MerkleTree.fromLeafInputs(leaves);
        List<Long> signedSizes = jdbc.queryForList("SELECT tree_size FROM ledger_tree_head ORDER BY tree_size DESC LIMIT 30",
                Long.class);
        assertThat(signedSizes.get(0)).isEqualTo(leaves.size());
        for (long size : signedSizes) {
            assertThat(HEX.formatHex(tiles.root(size))).as("root of %d", size).isEqualTo(HEX.formatHex(tree.rootOf((int) size)));
        }
        Random random = new Random(leaves.size());
        for (int i = 0; i < 40; i++) {
            int size = 1 + random.nextInt(leaves.size());
            int index = random.nextInt(size);
            int older = random.nextInt(size + 1);
            assertThat(hexes(tiles.inclusionProof(index, size))).as("inclusion of %d in %d", index, size)
                    .isEqualTo(hexes(tree.inclusionProof(index, size)));
            assertThat(hexes(tiles.consistencyProof(older, size))).as("consistency of %d with %d", older, size)
                    .isEqualTo(hexes(tree.consistencyProof(older, size)));
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void an_inclusion_proof_served_for_an_event_inside_an_import_verifies_against_the_signed_root() {
        JsonNode proof = TestUsers.auditor(http).getForObject("/api/audit/proof?sequence=" + importedSequence, JsonNode.class);
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(node -> path.add(HEX.parseHex(node.asText())));
        long leafIndex = proof.get("leafIndex").asLong();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_hash WHERE sequence < ?", Long.class, importedSequence))
                .isEqualTo(leafIndex);
        assertThat(MerkleProofs.verifyInclusion(MerkleHashing.leafHash(HEX.parseHex(proof.get("eventHash").asText())),
                leafIndex, proof.get("treeSize").asLong(), path, HEX.parseHex(proof.get("root").asText()))).isTrue();
    }

    @Test
    void an_altered_stored_tile_is_reported_at_the_first_event_it_covers() {
        long first = jdbc.queryForObject("SELECT min(sequence) FROM ledger_hash", Long.class);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> sql.update(
                "UPDATE ledger_tile SET hashes = set_byte(hashes, 0, get_byte(hashes, 0) # 1) WHERE level = 0 AND idx = 0"));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstInvalidSequence()).isEqualTo(first);
        assertThat(verdict.reason()).contains("stored tile 0/0").contains("altered");
    }

    @Test
    void a_deleted_stored_tile_is_reported_as_missing() {
        long level0Tiles = jdbc.queryForObject("SELECT count(*) FROM ledger_tile WHERE level = 0", Long.class);
        long firstOfLast = jdbc.queryForObject("SELECT sequence FROM ledger_hash ORDER BY sequence OFFSET ? LIMIT 1",
                Long.class, (level0Tiles - 1) * 256);
        Verdict verdict = Ledger.tamperedVerdict(transactions, jdbc, audit, sql -> sql.update("DELETE FROM ledger_tile WHERE level = 0 AND idx = ?", level0Tiles - 1));
        assertThat(verdict.firstInvalidSequence()).isEqualTo(firstOfLast);
        assertThat(verdict.reason()).contains("missing");
    }

    @Test
    void the_database_lets_a_partial_tile_grow_and_refuses_every_other_change() {
        long partial = jdbc.queryForObject("SELECT max(idx) FROM ledger_tile WHERE level = 0", Long.class);
        String where = " WHERE level = 0 AND idx = ";
        List<String> refused = new ArrayList<>(List.of(
                "UPDATE ledger_tile SET hashes = set_byte(hashes, 0, 0), width = width" + where + "0",
                "UPDATE ledger_tile SET hashes = hashes || hashes, width = 2 * width" + where + "0",
                "DELETE FROM ledger_tile" + where + partial,
                "TRUNCATE ledger_tile",
                "UPDATE ledger_tile SET idx = idx + 1000" + where + partial));
        int width = jdbc.queryForObject("SELECT width FROM ledger_tile" + where + partial, Integer.class);
        if (width > 1) {
            refused.add("UPDATE ledger_tile SET hashes = substring(hashes FROM 1 FOR 32), width = 1" + where + partial);
        }
        for (String statement : refused) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                jdbc.execute(statement);
            })).as(statement).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        if (width < 256) {
            transactions.executeWithoutResult(status -> {
                status.setRollbackOnly();
                assertThat(jdbc.update("UPDATE ledger_tile SET hashes = hashes || sha256('next'::bytea), width = width + 1"
                        + where + partial)).isEqualTo(1);
            });
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void the_V56_migration_computes_the_same_tiles_for_a_ledger_recorded_before_them() {
        String tileRows = "SELECT level || '/' || idx || ':' || encode(hashes, 'hex') FROM ledger_tile ORDER BY level, idx";
        List<String> written = jdbc.queryForList(tileRows, String.class);
        List<String> rebuilt = transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("SET LOCAL session_replication_role = replica");
            jdbc.update("DELETE FROM ledger_tile");
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                new V56__ledger_tiles_for_existing_leaves().migrate(new Context() {
                    @Override
                    public Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public Connection getConnection() {
                        return connection;
                    }
                });
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            jdbc.execute("SET LOCAL session_replication_role = origin");
            assertThat(audit.verify().valid()).isTrue();
            return jdbc.queryForList(tileRows, String.class);
        });
        assertThat(rebuilt).isNotEmpty().isEqualTo(written);
    }

    /** One imported file: an instrument, a unit and its functions, in one transaction; the unit's sequence. */
    private long importUnitWithFunctions(String unit, int functions) {
        StringBuilder file = new StringBuilder("""
                format: orgledger-bulletin/1
                instrument:
                  symbol: %s
                  kind: OTHER
                  title:
                    en: "Many functions"
                  issuedOn: "2001-01-01"
                  effectiveFrom: "2001-01-01"
                units:
                  - id: %s
                    kind: OFFICE
                    name:
                      en: "Tiled office"
                    provision: "1"
                    functions:
                """.formatted("TILES/" + unit, unit));
        for (int i = 0; i < functions; i++) {
            file.append("""
                          - id: %s-f%d
                            provision: "1.%d"
                            text:
                              en: "Function %d"
                    """.formatted(unit, i, i + 1, i));
        }
        JsonNode sequences = Ledger.importYaml(http, file.toString()).get("sequences");
        assertThat(sequences.size()).isGreaterThan(functions);
        return sequences.get(sequences.size() / 2).asLong();
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
