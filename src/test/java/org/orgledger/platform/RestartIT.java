package org.orgledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.RestartHarness;
import org.orgledger.TestProfiles;
import org.springframework.context.ConfigurableApplicationContext;

/** The ledger outlives the process: a restart on the same data directory keeps every unit. */
class RestartIT {

    @TempDir
    Path dataDir;
    RestartHarness service;

    @BeforeEach
    void harness() {
        service = new RestartHarness(dataDir);
    }

    @Test
    void a_restart_on_the_same_data_directory_keeps_the_units_and_continues_the_sequence() throws Exception {
        long firstSequence;
        try (ConfigurableApplicationContext first = service.start()) {
            firstSequence = establish(first, "restart-first");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION")) || TestProfiles.active().length > 1).isTrue();

        try (ConfigurableApplicationContext second = service.start()) {
            if (TestProfiles.active().length == 1) {
                // the embedded server is durable: what it acknowledged survives a crash
                var jdbc = second.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
                assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            }
            JsonNode structure = RestartHarness.http(second).getForObject("/api/structure?asOf=2000-01-01", JsonNode.class);
            assertThat(structure.toString()).contains("restart-first");
            long secondSequence = establish(second, "restart-second");
            // step-1 sequences: no jump of 50 after a restart (Axon's tracking would see gaps)
            assertThat(secondSequence).isEqualTo(firstSequence + 1);
        }
    }

    private static long establish(ConfigurableApplicationContext service, String id) {
        return RestartHarness.establish(service, id, "TEST/RESTART/1");
    }
}
