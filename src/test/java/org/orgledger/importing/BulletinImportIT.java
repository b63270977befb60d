package org.orgledger.importing;

import static org.orgledger.BulletinUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A bulletin file is imported whole or not at all. */
@LedgerIntegrationTest
class BulletinImportIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_file_whose_second_unit_breaks_a_rule_is_refused_whole_with_the_position_and_appends_nothing() {
        long before = events();
        ResponseEntity<JsonNode> response = upload(http, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: ST/SGB/2098/1
                  kind: BULLETIN
                  title: {en: "Rollback test"}
                  issuedOn: "2098-01-01"
                  effectiveFrom: "2098-01-01"
                units:
                  - id: rollback-entity
                    kind: ENTITY
                    name: {en: "Rollback entity"}
                    provision: "1"
                  - id: rollback-entity/orphan
                    kind: OFFICE
                    name: {en: "Orphan"}
                    parentId: no-such-parent
                    provision: "2"
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = response.getBody();
        assertThat(problem.get("code").asText()).isEqualTo("PARENT_NOT_IN_FORCE");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("units[1]");
        assertThat(problem.get("errors").get(0).get("line").asInt()).isEqualTo(13);
        assertThat(events()).isEqualTo(before);
        assertThat(http.getForObject("/api/structure?asOf=2098-06-01", JsonNode.class).toString())
                .doesNotContain("rollback-entity");
    }

    @Test
    void a_refused_file_leaves_no_trace_in_the_units_it_changed_before_the_broken_entry() {
        assertThat(upload(http, fileRenaming("ST/SGB/2096/1", "Cache entity", "")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // the rename is applied to the unit before the second entry breaks a rule: the unit as the
        // refused file left it in memory must not be what the next command sees
        ResponseEntity<JsonNode> refused = upload(http, fileRenaming("ST/SGB/2096/2", "Renamed by a refused file", """
                  - unitId: cache-other
                    name: {en: "Cache other"}
                    provision: "2"
                """));
        // a renaming to the unit's own name: refused by the other unit's aggregate, in the same
        // transaction as the first renaming
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("NO_CHANGE");
        ResponseEntity<JsonNode> accepted = upload(http, fileRenaming("ST/SGB/2096/3", "Renamed by a refused file", ""));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.getForObject("/api/units/cache-entity/history", JsonNode.class).toString())
                .contains("Renamed by a refused file").doesNotContain("ST/SGB/2096/2");
    }

    /** A bulletin establishing cache-entity (the first one) or renaming it, with extra renamings. */
    private static String fileRenaming(String symbol, String name, String moreRenamings) {
        String header = """
                format: orgledger-bulletin/1
                instrument:
                  symbol: %s
                  kind: BULLETIN
                  title: {en: "Cache test"}
                  issuedOn: "2096-01-01"
                  effectiveFrom: "2096-01-0%s"
                """.formatted(symbol, symbol.substring(symbol.length() - 1));
        if (symbol.endsWith("/1")) {
            return header + """
                    units:
                      - id: cache-entity
                        kind: ENTITY
                        name: {en: "%s"}
                        provision: "1"
                      - id: cache-other
                        kind: ENTITY
                        name: {en: "Cache other"}
                        provision: "2"
                    """.formatted(name);
        }
        return header + """
                renamings:
                  - unitId: cache-entity
                    name: {en: "%s"}
                    provision: "1"
                """.formatted(name) + moreRenamings;
    }

    @Test
    void a_malformed_file_is_refused_with_every_problem_and_appends_nothing() {
        long before = events();
        ResponseEntity<JsonNode> response = upload(http, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: ST/SGB/2098/2
                  kind: DECREE
                  title: {en: "Malformed"}
                  issuedOn: "2098-13-01"
                  effectiveFrom: "2098-01-01"
                units:
                  - id: Not A Slug
                    kind: ENTITY
                    name: {}
                    provision: 3
                """);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = response.getBody();
        assertThat(problem.get("code").asText()).isEqualTo("INVALID_BULLETIN_FILE");
        assertThat(problem.get("errors").findValuesAsText("field")).contains("instrument.kind", "instrument.issuedOn",
                "units[0].id", "units[0].name", "units[0].provision");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused() {
        byte[] latin1 = "format: orgledger-bulletin/1\ninstrument: {title: {fr: \"Décret\"}}\n".getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<JsonNode> response = upload(http, latin1);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("NOT_UTF8");
    }


    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
