package org.orgledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.orgledger.BulletinUploads;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.benchmark.SyntheticHistory.BulletinFileBytes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The benchmark's synthetic history, at a small size, is accepted by the ledger file by file,
 * and the ledger then answers what the generator's model expects.
 */
@LedgerIntegrationTest
class GeneratedHistoryImportIT {

    private static final int ORGANIZATION = 7;

    @Autowired
    TestRestTemplate http;

    @Test
    void a_generated_history_imports_cleanly_and_the_structure_has_the_expected_size() {
        // an organization of its own: the test classes share one database, and other tests cite ST/SGB symbols
        SyntheticHistory history = HistoryGenerator.generate(20261129, 600, 2_000, ORGANIZATION);
        int recorded = 0;
        for (BulletinFileBytes file : history.files()) {
            ResponseEntity<JsonNode> response = BulletinUploads.upload(http, file.yaml());
            assertThat(response.getStatusCode()).as("%s: %s", file.name(), response.getBody()).isEqualTo(HttpStatus.CREATED);
            recorded += response.getBody().get("sequences").size();
        }
        assertThat(recorded).isGreaterThanOrEqualTo(history.changes());
        assertThat(history.backDatedFiles()).isPositive();
        assertThat(units("/api/structure?asOf=" + history.fixedAnswerDate())).isEqualTo(history.fixedAnswerUnits());
        assertThat(units("/api/structure?asOf=" + history.largeAnswerDate())).isEqualTo(history.largeAnswerUnits());
    }

    /** Units of the generated organization (other tests share the database and record their own). */
    private int units(String path) {
        int count = 0;
        for (JsonNode unit : http.getForObject(path, JsonNode.class).get("units")) {
            count += unit.get("id").asText().startsWith("syn" + ORGANIZATION + "/") ? 1 : 0;
        }
        return count;
    }
}
