package org.orgledger.importing;

import static org.orgledger.BulletinUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * An import's events are written at its commit (decision 0007), but a unit the file established
 * and the aggregate cache has already let go of is read back from the store within the same
 * transaction: the pending rows are written first. A cache of one entry makes every unit but the
 * last one touched such a unit. A context of its own for that cache size, closed afterwards.
 * The external pass keeps one database for all contexts, so the symbol is this class's alone.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = {"orgledger.aggregate-cache.max-entries=1", "orgledger.test.ledger=tiny-aggregate-cache"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportBeyondTheAggregateCacheIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void units_established_by_a_file_and_evicted_from_the_cache_are_found_by_its_later_entries() {
        ResponseEntity<JsonNode> response = upload(http, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: ST/SGB/2097/91
                  kind: BULLETIN
                  title: {en: "Eviction test"}
                  issuedOn: "2097-01-01"
                  effectiveFrom: "2097-01-01"
                units:
                  - id: evicted-entity
                    kind: ENTITY
                    name: {en: "Evicted entity"}
                    provision: "1"
                  - id: evicted-entity/office
                    kind: OFFICE
                    name: {en: "Evicted office"}
                    parentId: evicted-entity
                    provision: "2"
                  - id: evicted-entity/other
                    kind: OFFICE
                    name: {en: "Other office"}
                    parentId: evicted-entity
                    provision: "3"
                renamings:
                  - unitId: evicted-entity
                    name: {en: "Entity renamed in the same file"}
                    provision: "4"
                  - unitId: evicted-entity/office
                    name: {en: "Office renamed in the same file"}
                    provision: "5"
                """);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().path("sequences")).as("the instrument, three units, two renamings").hasSize(6);
        JsonNode history = http.getForObject("/api/units/evicted-entity/history", JsonNode.class);
        assertThat(history.path("changes")).hasSize(2);
        assertThat(history.toString()).contains("Entity renamed in the same file");
        assertThat(http.getForObject("/api/units/evicted-entity/office/history", JsonNode.class).toString())
                .contains("Office renamed in the same file");
    }

}
