package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.StructureJson;
import org.orgledger.TestInstruments;
import org.orgledger.TestUsers;
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
        TestInstruments.ensure(http, "TEST/SLICE/1");
        ResponseEntity<JsonNode> created = TestUsers.registrar(http).postForEntity("/api/units", Map.of(
                "id", "slice-centre",
                "kind", "ENTITY",
                "name", Map.of("en", "United Nations Centre for Human Settlements (Habitat)"),
                "effectiveFrom", "1977-12-19",
                "authority", Map.of("instrument", "TEST/SLICE/1", "provision", "1")), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("sequence").asLong()).isPositive();

        JsonNode before = http.getForObject("/api/structure?asOf=1977-12-18", JsonNode.class);
        JsonNode on = http.getForObject("/api/structure?asOf=1977-12-19", JsonNode.class);

        assertThat(before.get("asOf").asText()).isEqualTo("1977-12-18");
        assertThat(StructureJson.unitIds(before)).doesNotContain("slice-centre");
        assertThat(StructureJson.unitIds(on)).contains("slice-centre");
        JsonNode unit = StructureJson.unit(on, "slice-centre");
        assertThat(unit.get("kind").asText()).isEqualTo("ENTITY");
        assertThat(unit.get("name").get("en").asText()).isEqualTo("United Nations Centre for Human Settlements (Habitat)");
        assertThat(unit.get("authority").get("instrument").asText()).isEqualTo("TEST/SLICE/1");
    }
}
