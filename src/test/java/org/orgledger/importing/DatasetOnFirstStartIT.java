package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.OrgLedgerApplication;
import org.orgledger.TestProfiles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A new user's first start records the dataset with no manual step; a restart appends nothing. */
class DatasetOnFirstStartIT {

    @TempDir
    Path dataDir;

    @Test
    void the_first_start_on_an_empty_ledger_loads_the_dataset_and_a_restart_appends_nothing() {
        // an external database is shared by the test suite and is not empty
        assumeTrue(TestProfiles.active().length == 1, "embedded default only");
        long eventsAfterFirstStart;
        try (ConfigurableApplicationContext first = start()) {
            eventsAfterFirstStart = events(first);
            JsonNode structure = http(first).getForObject("/api/structure?asOf=2002-12-01", JsonNode.class);
            int functions = 0;
            for (JsonNode unit : structure.get("units")) {
                functions += unit.get("functions").size();
            }
            assertThat(functions).isEqualTo(74);
            JsonNode recorder = first.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT convert_from(meta_data, 'UTF8')::jsonb FROM domain_event_entry ORDER BY global_index LIMIT 1",
                    (rs, i) -> readJson(rs.getString(1)));
            assertThat(recorder.get("recordedBy").asText()).isEqualTo("system");
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(events(second)).isEqualTo(eventsAfterFirstStart);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles(TestProfiles.active())
                .run("--server.port=0", "--orgledger.database.data-dir=" + dataDir,
                        "--orgledger.dataset.load-on-empty=true");
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private static JsonNode readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestRestTemplate http(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
    }
}
