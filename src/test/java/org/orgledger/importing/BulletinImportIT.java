package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.orgledger.TestUsers;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
        ResponseEntity<JsonNode> response = post("""
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
    void a_malformed_file_is_refused_with_every_problem_and_appends_nothing() {
        long before = events();
        ResponseEntity<JsonNode> response = post("""
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
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        byte[] latin1 = "format: orgledger-bulletin/1\ninstrument: {title: {fr: \"Décret\"}}\n".getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity("/api/imports", new HttpEntity<>(latin1, headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("NOT_UTF8");
    }

    private ResponseEntity<JsonNode> post(String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return TestUsers.registrar(http).postForEntity("/api/imports", new HttpEntity<>(yaml.getBytes(StandardCharsets.UTF_8), headers),
                JsonNode.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
