package org.orgledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.OrgLedgerApplication;
import org.orgledger.TestProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;

/** The ledger outlives the process: a restart on the same data directory keeps every unit. */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void a_restart_on_the_same_data_directory_keeps_the_units_and_continues_the_sequence() throws Exception {
        long firstSequence;
        try (ConfigurableApplicationContext first = start()) {
            firstSequence = establish(first, "restart-first");
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION")) || TestProfiles.active().length > 1).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JsonNode structure = http(second).getForObject("/api/structure?asOf=2000-01-01", JsonNode.class);
            assertThat(structure.toString()).contains("restart-first");
            long secondSequence = establish(second, "restart-second");
            // step-1 sequences: no jump of 50 after a restart (Axon's tracking would see gaps)
            assertThat(secondSequence).isEqualTo(firstSequence + 1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles(TestProfiles.active())
                .run("--server.port=0", "--orgledger.database.data-dir=" + dataDir);
    }

    private static long establish(ConfigurableApplicationContext context, String id) {
        org.orgledger.TestInstruments.promulgate(http(context), "ST/SGB/1999/22", "1999-12-23");
        JsonNode receipt = http(context).postForObject("/api/units", Map.of(
                "id", id,
                "kind", "OFFICE",
                "name", Map.of("en", id),
                "effectiveFrom", "1999-12-23",
                "authority", Map.of("instrument", "ST/SGB/1999/22", "provision", "1")), JsonNode.class);
        return receipt.get("sequence").asLong();
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new org.springframework.boot.web.client.RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }
}
