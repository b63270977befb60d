package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The structure in Popolo JSON, valid against the Popolo project's published schemas, with dated names. */
class PopoloExportIT extends DatasetLedger {

    @Autowired
    ObjectMapper json;

    @Test
    void every_organization_and_post_on_the_2002_bulletin_is_valid_popolo() throws Exception {
        JsonNode popolo = popolo("/api/export/popolo?asOf=2002-12-01");
        Files.createDirectories(Path.of("target", "exports"));
        Files.writeString(Path.of("target", "exports", "popolo-2002-12-01.json"), popolo.toPrettyString());
        PopoloSchemas schemas = new PopoloSchemas(json);
        List<String> problems = new ArrayList<>();
        popolo.get("organizations").forEach(organization ->
                problems.addAll(schemas.problems(PopoloSchemas.ORGANIZATION, organization)));
        popolo.get("posts").forEach(post -> problems.addAll(schemas.problems(PopoloSchemas.POST, post)));
        assertThat(problems).isEmpty();
        assertThat(popolo.get("organizations").size()).isGreaterThanOrEqualTo(7);
        assertThat(popolo.at("/meta/asOf").asText()).isEqualTo("2002-12-01");
    }

    @Test
    void un_habitat_has_its_name_in_force_and_its_former_name_dated_in_both_languages() {
        JsonNode habitat = byId(popolo("/api/export/popolo?asOf=2002-12-01").get("organizations"), "un-habitat");
        assertThat(habitat.get("name").asText()).isEqualTo("United Nations Human Settlements Programme (UN-Habitat)");
        assertThat(habitat.get("founding_date").asText()).isEqualTo("1977-12-19");
        assertThat(habitat.get("classification").asText()).isEqualTo("ENTITY");
        assertThat(habitat.has("parent_id")).isFalse();
        JsonNode names = habitat.get("other_names");
        assertThat(names).anySatisfy(name -> {
            assertThat(name.get("name").asText()).isEqualTo("联合国人类住区规划署(人居署)");
            assertThat(name.get("lang").asText()).isEqualTo("zh");
            assertThat(name.get("start_date").asText()).isEqualTo("2002-01-01");
            assertThat(name.has("end_date")).isFalse();
        });
        assertThat(names).anySatisfy(name -> {
            assertThat(name.get("name").asText()).isEqualTo("United Nations Centre for Human Settlements (Habitat)");
            assertThat(name.get("lang").asText()).isEqualTo("en");
            assertThat(name.get("start_date").asText()).isEqualTo("1977-12-19");
            assertThat(name.get("end_date").asText()).isEqualTo("2001-12-31");
        });
        assertThat(names).anySatisfy(name -> {
            assertThat(name.get("name").asText()).isEqualTo("联合国人类住区中心(人居中心)");
            assertThat(name.get("end_date").asText()).isEqualTo("2001-12-31");
        });
        assertThat(habitat.at("/sources/0/url").asText()).isEqualTo("urn:orgledger:instrument/A/RES/32/162");
    }

    @Test
    void as_of_a_date_before_the_renaming_the_old_name_is_the_name_and_nothing_later_is_known() {
        JsonNode popolo = popolo("/api/export/popolo?asOf=2001-06-30&lang=zh");
        JsonNode habitat = byId(popolo.get("organizations"), "un-habitat");
        assertThat(habitat.get("name").asText()).isEqualTo("联合国人类住区中心(人居中心)");
        assertThat(habitat.get("other_names")).allSatisfy(name -> assertThat(name.has("end_date")).isFalse());
        assertThat(habitat.get("other_names")).extracting(name -> name.get("name").asText())
                .containsExactly("United Nations Centre for Human Settlements (Habitat)");
        assertThat(popolo.get("organizations")).noneSatisfy(organization ->
                assertThat(organization.get("id").asText()).startsWith("un-habitat/"));
    }

    @Test
    void divisions_lie_in_the_secretariat_posts_and_heads_are_posts_and_the_other_name_of_sec_8_is_kept() {
        JsonNode popolo = popolo("/api/export/popolo?asOf=2002-12-01");
        JsonNode division = byId(popolo.get("organizations"), "un-habitat/monitoring-and-research-division");
        // it reports to the Executive Director (a post), who is in the secretariat
        assertThat(division.get("parent_id").asText()).isEqualTo("un-habitat/secretariat");
        assertThat(division.get("founding_date").asText()).isEqualTo("2002-12-01");
        assertThat(division.get("other_names")).anySatisfy(name -> {
            assertThat(name.get("name").asText()).isEqualTo("城市事务秘书处");
            assertThat(name.get("lang").asText()).isEqualTo("zh");
            assertThat(name.get("start_date").asText()).isEqualTo("2002-12-01");
            assertThat(name.get("note").asText()).isEqualTo("other name given by ST/SGB/2002/14, provision 8");
        });
        JsonNode director = byId(popolo.get("posts"), "un-habitat/executive-director");
        assertThat(director.get("organization_id").asText()).isEqualTo("un-habitat/secretariat");
        assertThat(director.get("start_date").asText()).isEqualTo("2002-12-01");
        assertThat(popolo.get("posts")).anySatisfy(post -> {
            assertThat(post.get("id").asText()).endsWith("#head");
            assertThat(post.get("role").asText()).isEqualTo("head");
            assertThat(post.get("start_date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(popolo.get("organizations")).noneSatisfy(organization ->
                assertThat(organization.get("id").asText()).isEqualTo("un-habitat/executive-director"));
        // the Executive Director is a post once, not again as the head of a post
        assertThat(popolo.get("posts")).noneSatisfy(post ->
                assertThat(post.get("id").asText()).isEqualTo("un-habitat/executive-director#head"));
        JsonNode head = byId(popolo.get("posts"), MONITORING + "#head");
        assertThat(head.get("label").asText()).isEqualTo("Director");
        assertThat(head.get("organization_id").asText()).isEqualTo(MONITORING);
    }

    private JsonNode popolo(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/json");
        return response.getBody();
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }
}
