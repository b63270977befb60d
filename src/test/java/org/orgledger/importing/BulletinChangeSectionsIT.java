package org.orgledger.importing;

import static org.orgledger.BulletinUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orgledger.StructureJson.functionIds;
import static org.orgledger.StructureJson.unit;
import static org.orgledger.StructureJson.unitIds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A bulletin file can order every kind of change, not only establishments and renamings. */
@LedgerIntegrationTest
class BulletinChangeSectionsIT {

    private static final String ESTABLISHING = """
            format: orgledger-bulletin/1
            instrument:
              symbol: ST/SGB/2097/1
              kind: BULLETIN
              title: {en: "Sections test: establishment"}
              issuedOn: "2097-01-01"
              effectiveFrom: "2097-01-01"
            units:
              - id: sections-entity
                kind: ENTITY
                name: {en: "Sections entity"}
                provision: "1"
              - id: sections-entity/a
                kind: DIVISION
                name: {en: "Division A"}
                parentId: sections-entity
                provision: "2"
              - id: sections-entity/b
                kind: DIVISION
                name: {en: "Division B"}
                parentId: sections-entity
                provision: "3"
              - id: sections-entity/a/section
                kind: SECTION
                name: {en: "Section"}
                parentId: sections-entity/a
                provision: "4"
                head: {title: {en: "Chief"}, provision: "4"}
              - id: sections-entity/b/old
                kind: SECTION
                name: {en: "Old section"}
                parentId: sections-entity/b
                provision: "5"
                functions:
                  - {id: sections-old-1, provision: "5(a)", text: {en: "To be withdrawn"}}
                  - {id: sections-old-2, provision: "5(b)", text: {en: "To be kept"}}
            """;

    private static final String REORGANIZING = """
            format: orgledger-bulletin/1
            instrument:
              symbol: ST/SGB/2097/2
              kind: BULLETIN
              title: {en: "Sections test: reorganization"}
              issuedOn: "2097-06-01"
              effectiveFrom: "2097-06-01"
            moves:
              - unitId: sections-entity/a/section
                parentId: sections-entity/b
                provision: "1"
            heads:
              - unitId: sections-entity/b
                title: {en: "Director"}
                level: D-2
                provision: "2"
            vacancies:
              - unitId: sections-entity/a/section
                provision: "3"
                effectiveFrom: "2097-06-10"
            withdrawals:
              - unitId: sections-entity/b/old
                functionId: sections-old-1
                provision: "4"
            reaffirmations:
              - unitId: sections-entity
                provision: "5"
              - unitId: sections-entity/b/old
                functionId: sections-old-2
                provision: "5"
            abolitions:
              - unitId: sections-entity/a
                provision: "6"
                effectiveFrom: "2097-07-01"
              - unitId: sections-entity/b/old
                closure: MERGED_INTO
                successorIds: [sections-entity/b]
                provision: "7"
                effectiveFrom: "2097-07-01"
            """;

    @Autowired
    TestRestTemplate http;

    @Test
    void a_file_with_moves_heads_vacancies_withdrawals_reaffirmations_and_abolitions_is_recorded_and_read_back() {
        assertThat(upload(http, ESTABLISHING).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> imported = upload(http, REORGANIZING);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);

        JsonNode midJune = http.getForObject("/api/structure?asOf=2097-06-15", JsonNode.class);
        JsonNode section = unit(midJune, "sections-entity/a/section");
        assertThat(section.get("parentId").asText()).isEqualTo("sections-entity/b");
        assertThat(section.path("head").isMissingNode() || section.get("head").isNull()).as("vacated").isTrue();
        JsonNode divisionB = unit(midJune, "sections-entity/b");
        assertThat(divisionB.get("head").get("title").get("en").asText()).isEqualTo("Director");
        assertThat(divisionB.get("head").get("level").asText()).isEqualTo("D-2");
        assertThat(functionIds(unit(midJune, "sections-entity/b/old"))).containsExactly("sections-old-2");

        JsonNode august = http.getForObject("/api/structure?asOf=2097-08-01", JsonNode.class);
        assertThat(unitIds(august)).contains("sections-entity", "sections-entity/b", "sections-entity/a/section")
                .doesNotContain("sections-entity/a", "sections-entity/b/old");

        JsonNode history = http.getForObject("/api/units/sections-entity/b/old/history", JsonNode.class);
        JsonNode abolition = last(history.get("changes"));
        assertThat(abolition.get("type").asText()).isEqualTo("UnitAbolished");
        assertThat(abolition.get("closure").asText()).isEqualTo("MERGED_INTO");
        assertThat(abolition.get("successorIds").get(0).asText()).isEqualTo("sections-entity/b");
        assertThat(abolition.get("authority").get("instrument").asText()).isEqualTo("ST/SGB/2097/2");
        assertThat(abolition.get("authority").get("provision").asText()).isEqualTo("7");
        assertThat(types(http.getForObject("/api/units/sections-entity/history", JsonNode.class)))
                .contains("UnitReaffirmed");
    }

    @Test
    void a_rule_broken_in_a_new_section_is_reported_at_its_entry_and_records_nothing() {
        ResponseEntity<JsonNode> refused = upload(http, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: ST/SGB/2097/3
                  kind: BULLETIN
                  title: {en: "Sections test: refused"}
                  issuedOn: "2097-01-01"
                  effectiveFrom: "2097-01-01"
                units:
                  - id: sections-refused
                    kind: ENTITY
                    name: {en: "Refused entity"}
                    provision: "1"
                vacancies:
                  - unitId: sections-refused
                    provision: "2"
                """);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("NO_HEAD_IN_FORCE");
        JsonNode problem = refused.getBody().get("errors").get(0);
        assertThat(problem.get("field").asText()).isEqualTo("vacancies[0]");
        assertThat(problem.get("line").asInt()).isEqualTo(14);
        assertThat(unitIds(http.getForObject("/api/structure?asOf=2097-02-01", JsonNode.class)))
                .doesNotContain("sections-refused");
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.get("changes").forEach(change -> types.add(change.get("type").asText()));
        return types;
    }

}
