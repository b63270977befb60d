package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.RestartHarness;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tiles continue across a restart: the second process extends what the first stored. */
class TilesAfterRestartIT {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDir;

    @Test
    void after_a_restart_the_stored_tiles_still_give_the_roots_and_proofs_of_every_leaf() {
        try (ConfigurableApplicationContext first = new RestartHarness(dataDir).start()) {
            establish(first, "tiles-restart-1");
            establish(first, "tiles-restart-2");
        }
        try (ConfigurableApplicationContext second = new RestartHarness(dataDir).start()) {
            establish(second, "tiles-restart-3");
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            TileStore tiles = second.getBean(TileStore.class);
            List<byte[]> leaves = jdbc.query("SELECT hash FROM ledger_hash ORDER BY sequence", (rs, n) -> rs.getBytes(1));
            MerkleTree tree = MerkleTree.fromLeafInputs(leaves);
            for (int size = 1; size <= leaves.size(); size++) {
                assertThat(HEX.formatHex(tiles.root(size))).as("root of %d", size).isEqualTo(HEX.formatHex(tree.rootOf(size)));
                int last = size - 1;
                assertThat(tiles.inclusionProof(last, size).stream().map(HEX::formatHex).toList())
                        .isEqualTo(tree.inclusionProof(last, size).stream().map(HEX::formatHex).toList());
            }
            assertThat(second.getBean(LedgerAudit.class).verify().valid()).isTrue();
        }
    }

    private static void establish(ConfigurableApplicationContext service, String id) {
        RestartHarness.establish(service, id, "TEST/TILES/1");
    }
}
