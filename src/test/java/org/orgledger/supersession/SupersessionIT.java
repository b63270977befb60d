package org.orgledger.supersession;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.orgledger.TestUsers;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.StructureJson;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.unit.api.ApplySupersession;
import org.orgledger.unit.api.UnitId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A toy history through HTTP: instrument OLD grounds a unit, a function and a head; NEW
 * supersedes OLD and grounds one function again. Exactly what only OLD grounded ends, once,
 * citing NEW; replaying the process does not end anything twice.
 */
@LedgerIntegrationTest
class SupersessionIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    CommandGateway commands;

    @Test
    void a_supersession_ends_exactly_what_only_the_old_instrument_grounded_once_and_citing_the_new_one() {
        promulgate("TOY/OLD/1", "2000-01-01");
        promulgate("TOY/ANCHOR/1", "1990-01-01");
        ok(TestUsers.registrar(http).postForEntity("/api/units", Map.of("id", "toy", "kind", "ENTITY", "name", Map.of("en", "Toy"),
                "effectiveFrom", "1990-01-01", "authority", authority("TOY/ANCHOR/1", "1")), JsonNode.class));
        ok(TestUsers.registrar(http).postForEntity("/api/units", Map.of("id", "toy/office", "kind", "OFFICE", "name", Map.of("en", "Office"),
                "parentId", "toy", "effectiveFrom", "2000-01-01", "authority", authority("TOY/OLD/1", "2")), JsonNode.class));
        ok(post("/api/units/head/toy/office", Map.of("title", Map.of("en", "Chief"), "effectiveFrom", "2000-01-01",
                "authority", authority("TOY/OLD/1", "2.1"))));
        ok(post("/api/units/functions/toy/office", Map.of("functionId", "kept", "text", Map.of("en", "Kept"),
                "effectiveFrom", "2000-01-01", "authority", authority("TOY/OLD/1", "2.2(a)"))));
        ok(post("/api/units/functions/toy/office", Map.of("functionId", "lapsed", "text", Map.of("en", "Lapsed"),
                "effectiveFrom", "2000-01-01", "authority", authority("TOY/OLD/1", "2.2(b)"))));
        ok(post("/api/units/functions/toy", Map.of("functionId", "anchored", "text", Map.of("en", "Anchored"),
                "effectiveFrom", "2000-01-01", "authority", authority("TOY/OLD/1", "3"))));
        ok(post("/api/units/functions/toy", Map.of("functionId", "anchor-own", "text", Map.of("en", "Anchor's own"),
                "effectiveFrom", "1995-01-01", "authority", authority("TOY/ANCHOR/1", "4"))));

        promulgate("TOY/NEW/1", "2005-01-01");
        ok(post("/api/units/reaffirm/toy/office", Map.of("effectiveFrom", "2005-01-01",
                "authority", authority("TOY/NEW/1", "1"))));
        ok(post("/api/units/reaffirm-function/toy/office", Map.of("functionId", "kept", "effectiveFrom", "2005-01-01",
                "authority", authority("TOY/NEW/1", "1(a)"))));
        ok(post("/api/instruments/supersede/TOY/OLD/1", Map.of("supersededBy", "TOY/NEW/1", "effectiveFrom", "2005-01-01",
                "provision", "9")));

        JsonNode after = http.getForObject("/api/structure?asOf=2005-01-01", JsonNode.class);
        JsonNode office = StructureJson.unit(after, "toy/office");
        assertThat(StructureJson.functionIds(office)).containsExactly("kept");
        assertThat(office.get("head")).isNotNull();
        assertThat(office.get("head").isNull()).as("the head was grounded again by NEW's reaffirmation").isFalse();
        assertThat(StructureJson.functionIds(StructureJson.unit(after, "toy"))).containsExactly("anchor-own");

        JsonNode before = http.getForObject("/api/structure?asOf=2004-12-31", JsonNode.class);
        assertThat(StructureJson.functionIds(StructureJson.unit(before, "toy/office"))).containsExactlyInAnyOrder("kept", "lapsed");

        List<String> endings = endingsCitingNew();
        assertThat(endings).containsExactlyInAnyOrder("FunctionWithdrawn:toy/office:lapsed", "FunctionWithdrawn:toy:anchored");

        processTheSupersessionAgain();
        assertThat(endingsCitingNew()).as("no duplicate endings when processed again").hasSize(2);
    }

    @Test
    void a_unit_only_the_old_instrument_grounded_is_abolished_children_first() {
        promulgate("TOY/OLD/2", "2000-01-01");
        promulgate("TOY/NEW/2", "2005-01-01");
        ok(TestUsers.registrar(http).postForEntity("/api/units", Map.of("id", "lapsing", "kind", "ENTITY", "name", Map.of("en", "Lapsing"),
                "effectiveFrom", "2000-01-01", "authority", authority("TOY/OLD/2", "1")), JsonNode.class));
        ok(TestUsers.registrar(http).postForEntity("/api/units", Map.of("id", "lapsing/child", "kind", "SECTION", "name", Map.of("en", "Child"),
                "parentId", "lapsing", "effectiveFrom", "2001-01-01", "authority", authority("TOY/OLD/2", "2")), JsonNode.class));
        ok(post("/api/instruments/supersede/TOY/OLD/2", Map.of("supersededBy", "TOY/NEW/2", "effectiveFrom", "2005-01-01",
                "provision", "9")));

        assertThat(http.getForObject("/api/structure?asOf=2004-12-31", JsonNode.class).toString()).contains("lapsing/child");
        String after = http.getForObject("/api/structure?asOf=2005-01-01", JsonNode.class).toString();
        assertThat(after).doesNotContain("\"lapsing\"").doesNotContain("lapsing/child");
    }

    /**
     * The process cannot be replayed (a reset is refused), and what a crash could make it do
     * again, sending the same commands a second time, ends nothing twice.
     */
    private void processTheSupersessionAgain() {
        StreamingEventProcessor processor = processing.eventProcessor("supersession", StreamingEventProcessor.class)
                .orElseThrow();
        assertThat(processor.supportsReset()).isFalse();
        for (String unit : List.of("toy/office", "toy")) {
            commands.sendAndWait(new ApplySupersession(UnitId.of(unit), InstrumentSymbol.of("TOY/OLD/1"),
                    LocalDate.of(2005, 1, 1), Authority.of("TOY/NEW/1", "9")));
        }
    }

    private List<String> endingsCitingNew() {
        List<String> endings = new ArrayList<>();
        jdbc.query("""
                SELECT payload_type, convert_from(payload, 'UTF8')::jsonb AS payload FROM domain_event_entry
                WHERE convert_from(payload, 'UTF8')::jsonb -> 'authority' ->> 'instrument' = 'TOY/NEW/1'
                  AND payload_type LIKE '%Withdrawn' OR payload_type LIKE '%Vacated' AND
                      convert_from(payload, 'UTF8')::jsonb -> 'authority' ->> 'instrument' = 'TOY/NEW/1'
                ORDER BY global_index""", rs -> {
            String type = rs.getString(1);
            JsonNode payload = readJson(rs.getString(2));
            endings.add(type.substring(type.lastIndexOf('.') + 1) + ":" + payload.get("unitId").asText()
                    + (payload.has("functionId") ? ":" + payload.get("functionId").asText() : ""));
        });
        return endings;
    }

    private void promulgate(String symbol, String effectiveFrom) {
        ok(TestUsers.registrar(http).postForEntity("/api/instruments", Map.of("symbol", symbol, "kind", "OTHER", "title", Map.of("en", symbol),
                "issuedOn", effectiveFrom, "effectiveFrom", effectiveFrom), JsonNode.class));
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, Object> body) {
        return TestUsers.registrar(http).postForEntity(path, body, JsonNode.class);
    }

    private static Map<String, String> authority(String instrument, String provision) {
        return Map.of("instrument", instrument, "provision", provision);
    }

    private static void ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
        assertThat(response.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.CREATED);
    }

    private static JsonNode readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
