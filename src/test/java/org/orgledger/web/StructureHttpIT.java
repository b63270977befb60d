package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@LedgerIntegrationTest
class StructureHttpIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void an_established_unit_appears_from_its_effective_date_on_and_not_before() {
        org.orgledger.TestInstruments.promulgate(http, "A/RES/32/162", "1977-12-19");
        ResponseEntity<JsonNode> created = http.postForEntity("/api/units", Map.of(
                "id", "slice-centre",
                "kind", "ENTITY",
                "name", Map.of("en", "United Nations Centre for Human Settlements (Habitat)"),
                "effectiveFrom", "1977-12-19",
                "authority", Map.of("instrument", "A/RES/32/162", "provision", "1")), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("sequence").asLong()).isPositive();

        JsonNode before = http.getForObject("/api/structure?asOf=1977-12-18", JsonNode.class);
        JsonNode on = http.getForObject("/api/structure?asOf=1977-12-19", JsonNode.class);

        assertThat(before.get("asOf").asText()).isEqualTo("1977-12-18");
        assertThat(ids(before)).doesNotContain("slice-centre");
        assertThat(ids(on)).contains("slice-centre");
        JsonNode unit = unit(on, "slice-centre");
        assertThat(unit.get("kind").asText()).isEqualTo("ENTITY");
        assertThat(unit.get("name").get("en").asText()).isEqualTo("United Nations Centre for Human Settlements (Habitat)");
        assertThat(unit.get("authority").get("instrument").asText()).isEqualTo("A/RES/32/162");
    }

    static java.util.List<String> ids(JsonNode structure) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        structure.get("units").forEach(unit -> ids.add(unit.get("id").asText()));
        return ids;
    }

    static JsonNode unit(JsonNode structure, String id) {
        for (JsonNode unit : structure.get("units")) {
            if (unit.get("id").asText().equals(id)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + id + " in " + structure);
    }
}
