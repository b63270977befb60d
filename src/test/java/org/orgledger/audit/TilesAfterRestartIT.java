package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.OrgLedgerApplication;
import org.orgledger.TestInstruments;
import org.orgledger.TestProfiles;
import org.orgledger.TestUsers;
import org.orgledger.audit.merkle.MerkleTree;
import org.orgledger.audit.tiles.TileStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tiles continue across a restart: the second process extends what the first stored. */
class TilesAfterRestartIT {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dataDir;

    @Test
    void after_a_restart_the_stored_tiles_still_give_the_roots_and_proofs_of_every_leaf() {
        try (ConfigurableApplicationContext first = start()) {
            establish(first, "tiles-restart-1");
            establish(first, "tiles-restart-2");
        }
        try (ConfigurableApplicationContext second = start()) {
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

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles(TestProfiles.active())
                .run("--server.port=0", "--orgledger.database.data-dir=" + dataDir);
    }

    private static void establish(ConfigurableApplicationContext context, String id) {
        TestInstruments.ensure(http(context), "TEST/TILES/1");
        JsonNode receipt = http(context).postForObject("/api/units", Map.of(
                "id", id,
                "kind", "OFFICE",
                "name", Map.of("en", id),
                "effectiveFrom", "1999-12-23",
                "authority", Map.of("instrument", "TEST/TILES/1", "provision", "1")), JsonNode.class);
        assertThat(receipt.get("sequence")).isNotNull();
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return TestUsers.registrar(new TestRestTemplate(
                new org.springframework.boot.web.client.RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }
}
