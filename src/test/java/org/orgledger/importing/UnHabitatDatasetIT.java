package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgledger.TestUsers;
import org.orgledger.BulletinUploads;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.StructureJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The bundled UN-Habitat history, imported through HTTP, answers the questions users ask of it. */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnHabitatDatasetIT {

    static final List<String> FILES_IN_ORDER =
            List.of("a-res-32-162.yaml", "st-sgb-1999-22.yaml", "a-res-56-206.yaml", "st-sgb-2002-14.yaml");

    @Autowired
    TestRestTemplate http;

    @BeforeAll
    void importTheDataset() throws Exception {
        for (String file : FILES_IN_ORDER) {
            ResponseEntity<JsonNode> response = post(file);
            assertThat(response.getStatusCode()).as(file + ": " + response.getBody()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @Test
    void in_mid_2001_the_centre_stands_under_its_old_name_with_the_1999_functions() {
        JsonNode centre = StructureJson.unit(structure("2001-06-30"), "un-habitat");
        assertThat(centre.get("name").get("en").asText()).isEqualTo("United Nations Centre for Human Settlements (Habitat)");
        assertThat(StructureJson.functionIds(centre)).containsExactly("sgb-1999-22-2-1-a", "sgb-1999-22-2-1-b", "sgb-1999-22-2-1-c",
                "sgb-1999-22-2-1-d", "sgb-1999-22-2-1-e");
        assertThat(structure("2001-06-30").get("units")).hasSize(1);
    }

    @Test
    void in_mid_2002_the_programme_has_its_new_name_and_still_the_1999_functions() {
        JsonNode programme = StructureJson.unit(structure("2002-06-30"), "un-habitat");
        assertThat(programme.get("name").get("en").asText()).isEqualTo("United Nations Human Settlements Programme (UN-Habitat)");
        assertThat(programme.get("name").get("zh").asText()).isEqualTo("联合国人类住区规划署(人居署)");
        assertThat(StructureJson.functionIds(programme)).hasSize(5).allMatch(id -> id.startsWith("sgb-1999-22-"));
    }

    @Test
    void from_1_december_2002_the_2002_structure_stands_with_its_74_functions_and_the_1999_ones_have_ended() {
        JsonNode structure = structure("2002-12-01");
        Map<String, String> parents = new HashMap<>();
        int functions = 0;
        for (JsonNode unit : structure.get("units")) {
            parents.put(unit.get("id").asText(), unit.path("parentId").asText(null));
            functions += unit.get("functions").size();
        }
        assertThat(functions).isEqualTo(74);
        assertThat(StructureJson.functionIds(StructureJson.unit(structure, "un-habitat"))).isEmpty();
        assertThat(parents).containsEntry("un-habitat", null)
                .containsEntry("un-habitat/secretariat", "un-habitat")
                .containsEntry("un-habitat/executive-director", "un-habitat/secretariat");
        long reportingToTheExecutiveDirector = parents.values().stream()
                .filter("un-habitat/executive-director"::equals).count();
        assertThat(reportingToTheExecutiveDirector).as("OED, DED and the four divisions").isEqualTo(6);
        JsonNode secretariat = StructureJson.unit(structure, "un-habitat/secretariat");
        assertThat(StructureJson.functionIds(secretariat)).hasSize(13);
        assertThat(secretariat.get("functions").get(0).get("authority").get("instrument").asText()).isEqualTo("ST/SGB/2002/14");
        assertThat(secretariat.get("functions").get(0).get("authority").get("provision").asText()).isEqualTo("2.1(a)");
        assertThat(secretariat.get("functions").get(0).get("text").get("zh").asText())
                .isEqualTo("为秘书长提供咨询和支助，以帮助履行有关人类住区问题的全面职责；");
    }

    @Test
    void the_day_before_the_2002_bulletin_took_effect_nothing_of_it_is_in_force() {
        JsonNode structure = structure("2002-11-30");
        assertThat(structure.get("units")).hasSize(1);
        assertThat(StructureJson.functionIds(StructureJson.unit(structure, "un-habitat"))).hasSize(5);
    }

    @Test
    void importing_a_file_again_appends_nothing_and_says_so() throws Exception {
        ResponseEntity<JsonNode> again = post("st-sgb-2002-14.yaml");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("imported").asBoolean()).isFalse();
        assertThat(again.getBody().get("message").asText()).contains("already imported");
    }

    @Test
    void in_english_every_unit_head_and_one_of_the_74_functions_has_a_text_labelled_as_what_it_is_beside_the_verbatim_chinese() {
        JsonNode structure = structure("2002-12-01", "en");
        int functions = 0;
        for (JsonNode unit : structure.get("units")) {
            String id = unit.get("id").asText();
            assertThat(unit.get("name").has("en")).as(id + " has an English name").isTrue();
            assertThat(unit.get("preferredName").asText()).as(id).isEqualTo(unit.get("name").get("en").asText());
            assertThat(unit.get("name").has("zh") || id.equals("un-habitat")).as(id + " keeps its Chinese name").isTrue();
            if (!unit.path("head").isNull()) {
                assertThat(unit.get("head").get("title").has("en")).as(id + " head title in English").isTrue();
            }
            for (JsonNode function : unit.get("functions")) {
                functions++;
                String where = id + " " + function.get("id").asText();
                assertThat(function.get("text").get("zh").asText()).as(where).isNotBlank();
                assertThat(function.path("textLabels").has("zh")).as(where + ": the Chinese is the official wording").isFalse();
                assertThat(function.get("text").get("en").asText()).as(where).isNotBlank();
                assertThat(function.get("preferredText").asText()).as(where).isEqualTo(function.get("text").get("en").asText());
                assertThat(function.get("textLabels").get("en").get("status").asText()).as(where)
                        .isEqualTo("UNOFFICIAL_TRANSLATION");
            }
        }
        assertThat(functions).isEqualTo(74);
        JsonNode mrd = StructureJson.unit(structure, "un-habitat/monitoring-and-research-division");
        assertThat(mrd.get("functions").get(4).get("text").get("en").asText())
                .isEqualTo("Coordinate the policy of UN-HABITAT on mainstreaming gender equality;");
    }

    @Test
    void the_monitoring_and_research_division_is_also_named_urban_secretariat_by_the_heading_of_section_8() {
        JsonNode mrd = StructureJson.unit(structure("2002-12-01"), "un-habitat/monitoring-and-research-division");
        assertThat(mrd.get("name").get("zh").asText()).isEqualTo("监测和研究司");
        JsonNode alternates = mrd.get("alternateNames");
        assertThat(alternates).hasSize(1);
        assertThat(alternates.get(0).get("name").get("zh").asText()).isEqualTo("城市事务秘书处");
        assertThat(alternates.get(0).get("nameLabels").get("en").get("status").asText()).isEqualTo("UNOFFICIAL_TRANSLATION");
        assertThat(alternates.get(0).get("authority").get("instrument").asText()).isEqualTo("ST/SGB/2002/14");
        assertThat(alternates.get(0).get("authority").get("provision").asText()).isEqualTo("8");
        assertThat(StructureJson.unit(structure("2002-12-01"), "un-habitat/programme-support-division").has("alternateNames"))
                .as("no alternate names, no field").isFalse();

        JsonNode history = http.getForObject("/api/units/un-habitat/monitoring-and-research-division/history", JsonNode.class);
        List<JsonNode> recorded = new ArrayList<>();
        history.get("changes").forEach(change -> {
            if (change.get("type").asText().equals("AlternateNameRecorded")) {
                recorded.add(change);
            }
        });
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).get("name").get("zh").asText()).isEqualTo("城市事务秘书处");
        assertThat(recorded.get(0).get("authority").get("provision").asText()).isEqualTo("8");
        assertThat(recorded.get(0).get("effectiveFrom").asText()).isEqualTo("2002-12-01");
    }

    @Test
    void units_and_functions_are_listed_in_the_order_of_the_bulletin_parents_first() {
        JsonNode structure = structure("2002-12-01");
        assertThat(StructureJson.unitIds(structure)).containsExactly(
                "un-habitat",
                "un-habitat/secretariat",
                "un-habitat/executive-director",
                "un-habitat/office-of-the-executive-director",
                "un-habitat/deputy-executive-director",
                "un-habitat/programme-support-division",
                "un-habitat/shelter-and-sustainable-human-settlements-development-division",
                "un-habitat/monitoring-and-research-division",
                "un-habitat/regional-and-technical-cooperation-division",
                "un-habitat/habitat-and-human-settlements-foundation");
        for (JsonNode unit : structure.get("units")) {
            List<String> provisions = new ArrayList<>();
            unit.get("functions").forEach(function -> provisions.add(function.get("authority").get("provision").asText()));
            List<String> lettered = provisions.stream().map(provision -> provision.replaceAll(".*\\(([a-z])\\)", "$1")).toList();
            assertThat(lettered).as(unit.get("id").asText()).isSorted();
        }
        assertThat(StructureJson.functionIds(StructureJson.unit(structure, "un-habitat/secretariat")))
                .startsWith("sgb-2002-14-2-1-a", "sgb-2002-14-2-1-b").endsWith("sgb-2002-14-2-1-l", "sgb-2002-14-2-1-m");
    }

    @Test
    void the_instruments_answer_with_the_labels_of_their_titles() {
        JsonNode resolution = http.getForObject("/api/instruments/A/RES/32/162", JsonNode.class);
        assertThat(resolution.get("titleLabels").get("en").get("status").asText()).isEqualTo("SUMMARY");
        JsonNode bulletin = http.getForObject("/api/instruments/ST/SGB/2002/14", JsonNode.class);
        assertThat(bulletin.get("title").get("en").asText())
                .isEqualTo("Organization of the secretariat of the United Nations Human Settlements Programme");
        assertThat(bulletin.get("titleLabels").get("en").get("source").asText()).contains("https://");
        assertThat(bulletin.path("titleLabels").has("zh")).as("the Chinese title is the bulletin's own").isFalse();
        Map<String, JsonNode> listed = new HashMap<>();
        http.getForObject("/api/instruments", JsonNode.class).get("instruments").forEach(instrument ->
                listed.put(instrument.get("symbol").asText(), instrument));
        assertThat(listed.get("A/RES/56/206").get("titleLabels").get("zh").get("source").asText()).contains("preamble");
        assertThat(listed.get("A/RES/32/162").get("titleLabels").get("en").get("status").asText()).isEqualTo("SUMMARY");
    }

    @Test
    void every_english_text_marked_verbatim_names_a_document_a_reader_can_check() {
        List<JsonNode> labels = new ArrayList<>();
        for (String date : List.of("2001-06-30", "2002-06-30", "2002-12-01")) {
            for (JsonNode unit : structure(date).get("units")) {
                labels.add(unit.path("nameLabels"));
                labels.add(unit.path("head").path("titleLabels"));
                unit.path("alternateNames").forEach(alternate -> labels.add(alternate.path("nameLabels")));
                unit.get("functions").forEach(function -> labels.add(function.path("textLabels")));
            }
        }
        http.getForObject("/api/instruments", JsonNode.class).get("instruments").forEach(instrument -> labels.add(instrument.path("titleLabels")));
        int verbatimWithSource = 0;
        for (JsonNode perLanguage : labels) {
            for (JsonNode label : perLanguage) {
                if (label.get("status").asText().equals("VERBATIM")) {
                    verbatimWithSource++;
                    assertThat(label.get("source").asText()).as("a checkable document: an address or a UN document symbol")
                            .containsPattern("https?://|ST/SGB/\\d{4}/\\d+|A/RES/\\d+/\\d+|General Assembly resolution \\d+/\\d+")
                            .doesNotContain("later UN-Habitat documents")
                            .doesNotContain("research");
                } else {
                    assertThat(label.get("source").asText()).as("a translation or summary says whose").isNotBlank();
                }
            }
        }
        assertThat(verbatimWithSource).as("the dataset has verbatim texts of other documents").isGreaterThan(5);
    }

    @Test
    void renaming_a_division_to_the_name_it_has_is_refused_and_records_nothing() {
        String path = "/api/units/rename/un-habitat/programme-support-division";
        int before = http.getForObject("/api/units/un-habitat/programme-support-division/history", JsonNode.class)
                .get("changes").size();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity(path, new HttpEntity<>("""
                {"name": {"zh": "方案支助司", "en": "Programme Support Division"}, "effectiveFrom": "2003-01-01",
                 "authority": {"instrument": "ST/SGB/2002/14", "provision": "6.1"}}""", headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("code").asText())
                .as("same texts; only the English label would go: not a renaming").isEqualTo("LABEL_CHANGE_ONLY");
        assertThat(http.getForObject("/api/units/un-habitat/programme-support-division/history", JsonNode.class)
                .get("changes")).hasSize(before);
    }

    private ResponseEntity<JsonNode> post(String file) throws Exception {
        return BulletinUploads.upload(http, file, new ClassPathResource("dataset/" + file).getContentAsByteArray());
    }

    /** The structure as of a date, keeping only UN-Habitat's units (other tests share the ledger). */
    private JsonNode structure(String asOf) {
        return structure(asOf, null);
    }

    private JsonNode structure(String asOf, String lang) {
        JsonNode structure = http.getForObject("/api/structure?asOf=" + asOf + (lang == null ? "" : "&lang=" + lang),
                JsonNode.class);
        JsonNode all = structure.get("units");
        com.fasterxml.jackson.databind.node.ArrayNode units = ((com.fasterxml.jackson.databind.node.ObjectNode) structure)
                .putArray("units");
        all.forEach(unit -> {
            String id = unit.get("id").asText();
            if (id.equals("un-habitat") || id.startsWith("un-habitat/")) {
                units.add(unit);
            }
        });
        return structure;
    }
}
