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
        assertThat(programme.get("name").get("en").asText()).isEqualTo("United Nations Human Settlements Programme (UN-HABITAT)");
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

    private ResponseEntity<JsonNode> post(String file) throws Exception {
        byte[] content = new ClassPathResource("dataset/" + file).getContentAsByteArray();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        return TestUsers.registrar(http).postForEntity("/api/imports?fileName=" + file, new HttpEntity<>(content, headers), JsonNode.class);
    }

    /** The structure as of a date, keeping only UN-Habitat's units (other tests share the ledger). */
    private JsonNode structure(String asOf) {
        JsonNode structure = http.getForObject("/api/structure?asOf=" + asOf, JsonNode.class);
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
