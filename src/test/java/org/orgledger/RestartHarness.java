package org.orgledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service, as often as a test likes, on one data directory of its own (the embedded
 * server's; the external database in the external pass), so that a test can stop it and start
 * it again on what the first process left.
 */
public final class RestartHarness {

    private final Path dataDir;

    public RestartHarness(Path dataDir) {
        this.dataDir = dataDir;
    }

    public ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles(TestProfiles.active())
                .run("--server.port=0", "--orgledger.database.data-dir=" + dataDir);
    }

    /** Establishes an office {@code id} in the running service, citing {@code instrument}; its receipt's sequence. */
    public static long establish(ConfigurableApplicationContext service, String id, String instrument) {
        TestInstruments.ensure(http(service), instrument);
        JsonNode receipt = http(service).postForObject("/api/units", Map.of(
                "id", id,
                "kind", "OFFICE",
                "name", Map.of("en", id),
                "effectiveFrom", "1999-12-23",
                "authority", Map.of("instrument", instrument, "provision", "1")), JsonNode.class);
        if (receipt == null || !receipt.hasNonNull("sequence")) {
            throw new AssertionError("no receipt with a sequence for " + id + ": " + receipt);
        }
        return receipt.get("sequence").asLong();
    }

    /** The registrar's client of the running service. */
    public static TestRestTemplate http(ConfigurableApplicationContext service) {
        String port = service.getEnvironment().getProperty("local.server.port");
        return TestUsers.registrar(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port)));
    }
}
