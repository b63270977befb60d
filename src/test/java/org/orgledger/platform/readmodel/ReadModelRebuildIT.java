package org.orgledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operator's rebuild ({@code POST /actuator/rebuild}) replays the event log into the read
 * models and must reproduce them exactly; the check ({@code GET /actuator/rebuild}) compares
 * the live tables with a replay into shadow tables and reports any row that differs.
 */
@LedgerIntegrationTest
class ReadModelRebuildIT {

    private static final List<String> TABLES = List.of("structure_assertion", "structure_fact", "change_log",
            "instrument_view");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_rebuild_reproduces_the_live_read_models_exactly() {
        recordHistory("rb", "1970");
        Map<String, List<String>> live = snapshot();

        ResponseEntity<JsonNode> rebuild = TestUsers.registrar(http).postForEntity("/actuator/rebuild", null, JsonNode.class);

        assertThat(rebuild.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rebuild.getBody().get("caughtUp").asBoolean()).isTrue();
        assertThat(rebuild.getBody().get("processors")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("structure", "change-log", "instrument-query");
        Map<String, List<String>> rebuilt = snapshot();
        assertThat(rebuilt).isEqualTo(live);
        assertThat(live.get("structure_fact")).anyMatch(row -> row.contains("rb-root/child"));
        // closed versions (upper bound in transaction time) are reproduced too, not only current ones
        assertThat(jdbc.queryForObject("SELECT count(*) FROM structure_fact WHERE NOT upper_inf(known)", Long.class))
                .isPositive();
    }

    @Test
    void the_check_finds_the_live_tables_consistent_and_reports_rows_that_are_not() {
        recordHistory("ck", "1960");
        JsonNode consistent = check();
        assertThat(consistent.get("consistent").asBoolean()).as("%s", consistent).isTrue();
        assertThat(consistent.get("tables")).hasSize(TABLES.size())
                .allMatch(table -> table.get("liveRows").asLong() == table.get("rebuiltRows").asLong());

        jdbc.update("""
                UPDATE change_log SET recorded_by = 'mallory'
                WHERE sequence = (SELECT max(sequence) FROM change_log WHERE unit_id LIKE 'ck-%')""");
        jdbc.update("DELETE FROM structure_fact WHERE id = (SELECT max(id) FROM structure_fact WHERE unit_id LIKE 'ck-%')");
        // an event's row gone from the middle of the per-event table: the log is walked past it
        long removed = jdbc.queryForObject("SELECT min(sequence) FROM change_log WHERE unit_id LIKE 'ck-%'", Long.class);
        jdbc.update("DELETE FROM change_log WHERE sequence = ?", removed);
        JsonNode tampered = check();

        assertThat(tampered.get("consistent").asBoolean()).isFalse();
        JsonNode changeLog = table(tampered, "change_log");
        assertThat(changeLog.get("onlyLive").asLong()).isEqualTo(1);
        assertThat(changeLog.get("onlyRebuilt").asLong()).isEqualTo(2);
        JsonNode againstTheLog = tampered.get("log").get(0);
        assertThat(againstTheLog.get("table").asText()).isEqualTo("change_log");
        assertThat(againstTheLog.get("eventsDiffering").asLong()).as("%s", againstTheLog).isEqualTo(1);
        assertThat(againstTheLog.get("examples").toString()).contains("event " + removed + " has no row");
        assertThat(changeLog.get("examples").toString()).contains("mallory");
        JsonNode facts = table(tampered, "structure_fact");
        assertThat(facts.get("onlyLive").asLong()).isZero();
        assertThat(facts.get("onlyRebuilt").asLong()).isEqualTo(1);
        assertThat(table(tampered, "instrument_view").get("onlyLive").asLong()).isZero();

        TestUsers.registrar(http).postForEntity("/actuator/rebuild", null, JsonNode.class);
        assertThat(check().get("consistent").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM change_log WHERE recorded_by = 'mallory'", Long.class)).isZero();
    }

    private JsonNode check() {
        ResponseEntity<JsonNode> check = TestUsers.auditor(http).getForEntity("/actuator/rebuild", JsonNode.class);
        assertThat(check.getStatusCode()).isEqualTo(HttpStatus.OK);
        return check.getBody();
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + report);
    }

    /** Every row of every read-model table, without generated ids, in a stable order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.queryForList("SELECT (to_jsonb(t) - 'id')::text FROM " + table + " t ORDER BY 1",
                    String.class));
        }
        return tables;
    }

    /** Back-dated changes, a retraction and a supersession, under units prefixed {@code prefix-}. */
    private void recordHistory(String prefix, String year) {
        String old = "ST/SGB/" + year + "/1";
        String successor = "ST/SGB/" + year + "/2";
        String root = prefix + "-root";
        String child = root + "/child";
        created("/api/instruments", Map.of("symbol", old, "kind", "BULLETIN", "title", Map.of("en", "Old"),
                "issuedOn", year + "-01-01", "effectiveFrom", year + "-01-01"));
        created("/api/instruments", Map.of("symbol", successor, "kind", "BULLETIN", "title", Map.of("en", "New"),
                "issuedOn", year + "-01-01", "effectiveFrom", year + "-06-01"));
        created("/api/units", Map.of("id", root, "kind", "OFFICE", "name", Map.of("en", "Root"),
                "effectiveFrom", year + "-02-01", "authority", cite(old)));
        created("/api/units", Map.of("id", child, "kind", "SECTION", "name", Map.of("en", "Child"), "parentId", root,
                "effectiveFrom", year + "-03-01", "authority", cite(old)));
        ok("/api/units/rename/" + child, Map.of("name", Map.of("en", "Child, renamed"), "effectiveFrom", year + "-05-01",
                "authority", cite(old)));
        // back-dated before the renaming recorded above
        ok("/api/units/rename/" + child, Map.of("name", Map.of("en", "Child, first renaming"),
                "effectiveFrom", year + "-04-01", "authority", cite(old)));
        ok("/api/units/head/" + root, Map.of("title", Map.of("en", "Chief"), "effectiveFrom", year + "-02-01",
                "authority", cite(old)));
        ok("/api/units/functions/" + child, Map.of("functionId", "keep-records", "text", Map.of("en", "Keep records"),
                "effectiveFrom", year + "-03-01", "authority", cite(old)));
        long wrong = ok("/api/units/reporting-line/" + child, Map.of("effectiveFrom", year + "-04-15",
                "authority", cite(old))).get("sequence").asLong();
        ok("/api/units/retract/" + child, Map.of("sequence", wrong, "reason", "not decided",
                "authority", cite(old)));
        ok("/api/instruments/supersede/" + old, Map.of("supersededBy", successor, "effectiveFrom", year + "-07-01",
                "provision", "1"));
    }

    private static Map<String, Object> cite(String instrument) {
        return Map.of("instrument", instrument, "provision", "1");
    }

    private void created(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode ok(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
