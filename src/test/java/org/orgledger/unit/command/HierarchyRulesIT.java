package org.orgledger.unit.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.BulletinUploads;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestInstruments;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The rules that walk the hierarchy read only the part of it they need (the subtree below the
 * unit, its direct children) from the command-side tables. These cases put the decisive unit
 * two levels down, or make it report there only from a later date, so that a query that read
 * too little would let the change through.
 */
@LedgerIntegrationTest
class HierarchyRulesIT {

    private static final String INSTRUMENT = "HIER/RULES/1";

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void instrument() {
        TestInstruments.ensure(http, INSTRUMENT);
    }

    @Test
    void moving_a_unit_under_its_grandchild_is_a_reporting_cycle() {
        establish("hier-a", null, "2000-01-01");
        establish("hier-a/b", "hier-a", "2000-01-01");
        establish("hier-a/b/c", "hier-a/b", "2000-01-01");
        establish("hier-d", null, "2000-01-01");

        assertThat(move("hier-a", "hier-a/b/c", "2001-01-01")).isEqualTo("REPORTING_CYCLE");
        assertThat(move("hier-a", "hier-d", "2001-01-01")).isNull();
    }

    @Test
    void a_move_that_closes_a_cycle_only_on_a_later_date_is_refused() {
        establish("hier-e", null, "2000-01-01");
        establish("hier-f", null, "2000-01-01");
        establish("hier-g", "hier-f", "2000-01-01");
        // from 2005 hier-f reports to hier-e, so hier-g is below hier-e from then on
        assertThat(move("hier-f", "hier-e", "2005-01-01")).isNull();

        assertThat(move("hier-e", "hier-g", "2001-01-01")).isEqualTo("REPORTING_CYCLE");
        assertThat(move("hier-e", "hier-g", "2006-01-01")).isEqualTo("REPORTING_CYCLE");
    }

    @Test
    void a_unit_cannot_be_abolished_while_a_unit_that_moved_under_it_later_is_in_force() {
        establish("hier-h", null, "2000-01-01");
        establish("hier-i", null, "2000-01-01");
        establish("hier-j", "hier-i", "2000-01-01");
        assertThat(move("hier-j", "hier-h", "2003-01-01")).isNull();

        assertThat(abolish("hier-h", "2004-01-01")).isEqualTo("UNIT_HAS_CHILDREN_IN_FORCE");
        assertThat(abolish("hier-i", "2004-01-01")).isNull();
    }

    /*
     * Within one import the file's own changes are not written before its later commands check the
     * hierarchy (decision 0007): the checks lay them over what the tables hold. Each file below is
     * refused whole, by a unit or an assertion that exists only in the file itself.
     */

    @Test
    void a_file_that_moves_a_unit_it_established_under_its_own_grandchild_is_refused() {
        assertThat(importFile("HIER/FILE/1", """
                units:
                  - {id: hier-k, kind: OFFICE, name: {en: "K"}, provision: "1"}
                  - {id: hier-k/l, kind: OFFICE, name: {en: "L"}, parentId: hier-k, provision: "2"}
                  - {id: hier-k/l/m, kind: OFFICE, name: {en: "M"}, parentId: hier-k/l, provision: "3"}
                moves:
                  - {unitId: hier-k, parentId: hier-k/l/m, provision: "4", effectiveFrom: "2011-01-01"}
                """)).isEqualTo("REPORTING_CYCLE");
        assertThat(exists("hier-k")).as("nothing of the refused file is recorded").isFalse();
    }

    @Test
    void a_file_that_moves_a_recorded_unit_under_a_new_one_and_the_new_one_under_it_is_refused() {
        establish("hier-n", null, "2000-01-01");
        establish("hier-n/o", "hier-n", "2000-01-01");
        // hier-p exists only in the file; hier-n is put under it first, then it under hier-n's child
        assertThat(importFile("HIER/FILE/2", """
                units:
                  - {id: hier-p, kind: OFFICE, name: {en: "P"}, provision: "1"}
                moves:
                  - {unitId: hier-n, parentId: hier-p, provision: "2", effectiveFrom: "2011-01-01"}
                  - {unitId: hier-p, parentId: hier-n/o, provision: "3", effectiveFrom: "2012-01-01"}
                """)).isEqualTo("REPORTING_CYCLE");
        assertThat(exists("hier-p")).isFalse();
    }

    @Test
    void a_file_that_abolishes_a_unit_its_own_new_unit_reports_to_is_refused() {
        establish("hier-q", null, "2000-01-01");
        assertThat(importFile("HIER/FILE/3", """
                units:
                  - {id: hier-q/r, kind: OFFICE, name: {en: "R"}, parentId: hier-q, provision: "1"}
                abolitions:
                  - {unitId: hier-q, provision: "2", effectiveFrom: "2012-01-01"}
                """)).isEqualTo("UNIT_HAS_CHILDREN_IN_FORCE");
        assertThat(exists("hier-q/r")).isFalse();
    }

    @Test
    void a_file_whose_moves_leave_no_cycle_is_recorded() {
        establish("hier-s", null, "2000-01-01");
        assertThat(importFile("HIER/FILE/4", """
                units:
                  - {id: hier-t, kind: OFFICE, name: {en: "T"}, provision: "1"}
                  - {id: hier-t/u, kind: OFFICE, name: {en: "U"}, parentId: hier-t, provision: "2"}
                moves:
                  - {unitId: hier-s, parentId: hier-t/u, provision: "3", effectiveFrom: "2011-01-01"}
                abolitions:
                  - {unitId: hier-s, provision: "4", effectiveFrom: "2012-01-01"}
                """)).isNull();
        assertThat(exists("hier-t/u")).isTrue();
    }

    /** A bulletin file of its own instrument (in force from 2010), the given sections after it. */
    private String importFile(String symbol, String sections) {
        return code(BulletinUploads.upload(http, """
                format: orgledger-bulletin/1
                instrument:
                  symbol: %s
                  kind: BULLETIN
                  title: {en: "Hierarchy rules within one file"}
                  issuedOn: "2010-01-01"
                  effectiveFrom: "2010-01-01"
                """.formatted(symbol) + sections));
    }

    private boolean exists(String id) {
        return http.getForEntity("/api/units/" + id + "/history", JsonNode.class).getStatusCode().is2xxSuccessful();
    }

    private void establish(String id, String parentId, String from) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", "OFFICE");
        body.put("name", Map.of("en", "Unit " + id));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("effectiveFrom", from);
        body.put("authority", authority());
        assertThat(code(TestUsers.registrar(http).postForEntity("/api/units", body, JsonNode.class))).isNull();
    }

    private String move(String id, String parentId, String from) {
        return code(TestUsers.registrar(http).postForEntity("/api/units/reporting-line/" + id,
                Map.of("parentId", parentId, "effectiveFrom", from, "authority", authority()), JsonNode.class));
    }

    private String abolish(String id, String from) {
        return code(TestUsers.registrar(http).postForEntity("/api/units/abolish/" + id,
                Map.of("closure", "ABOLISHED", "effectiveFrom", from, "authority", authority()), JsonNode.class));
    }

    private static Map<String, String> authority() {
        return Map.of("instrument", INSTRUMENT, "provision", "1");
    }

    /** Null for a recorded change, else the problem's code. */
    private static String code(ResponseEntity<JsonNode> response) {
        if (response.getStatusCode().is2xxSuccessful()) {
            return null;
        }
        return response.getBody() == null ? "HTTP " + response.getStatusCode() : response.getBody().path("code").asText();
    }
}
