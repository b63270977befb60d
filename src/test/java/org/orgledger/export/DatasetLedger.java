package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The exports checked on the ledger a user gets on a first start: the bundled UN-Habitat history,
 * recorded by the service itself. On the embedded database this is a context of its own (a fresh
 * ledger, so the dataset loads as it does for a user); against an external server, where every
 * context shares one database and the dataset test imports the files itself, nothing is loaded
 * here and the tests run only if the dataset is there.
 */
@LedgerIntegrationTest
abstract class DatasetLedger {

    static final String MONITORING = "un-habitat/monitoring-and-research-division";

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void loadTheDatasetOnAFreshLedger(DynamicPropertyRegistry properties) {
        properties.add("orgledger.dataset.load-on-empty", () -> !external());
    }

    @BeforeEach
    void theDatasetIsInTheReadModels() throws InterruptedException {
        if (external()) {
            // nothing loads it here: run only where the dataset test has imported it already
            Assumptions.assumeTrue(datasetVisible(), "the UN-Habitat dataset is not in the shared external database");
            return;
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!datasetVisible()) {
            assertThat(Instant.now()).as("the dataset loaded on the fresh ledger within 60 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static boolean external() {
        return Arrays.asList(TestProfiles.active()).contains("external");
    }

    private boolean datasetVisible() {
        JsonNode structure = http.getForObject("/api/structure?asOf=2002-12-01", JsonNode.class);
        for (JsonNode unit : structure.get("units")) {
            if (unit.get("id").asText().equals(MONITORING)) {
                return true;
            }
        }
        return false;
    }
}
