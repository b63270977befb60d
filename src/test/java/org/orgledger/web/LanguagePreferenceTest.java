package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagePreferenceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void the_preferred_language_comes_first_and_no_language_is_dropped() throws Exception {
        JsonNode unit = TreeRewrite.apply(json.readTree("""
                {"id": "u", "name": {"en": "Centre", "fr": "Centre (fr)", "zh": "中心"}}"""), "zh");
        assertThat(keys(unit.get("name"))).containsExactly("zh", "en", "fr");
        assertThat(unit.get("preferredName").asText()).isEqualTo("中心");
    }

    @Test
    void a_text_without_the_preferred_language_falls_back_to_a_regional_variant_then_english_then_the_first() throws Exception {
        JsonNode tree = TreeRewrite.apply(json.readTree("""
                {"a": {"name": {"en": "A", "zh-Hans": "甲"}},
                 "b": {"name": {"en": "B", "fr": "B (fr)"}},
                 "c": {"name": {"es": "C", "fr": "C (fr)"}}}"""), "zh");
        assertThat(tree.get("a").get("preferredName").asText()).isEqualTo("甲");
        assertThat(tree.get("b").get("preferredName").asText()).isEqualTo("B");
        assertThat(keys(tree.get("b").get("name"))).containsExactly("en", "fr");
        assertThat(tree.get("c").get("preferredName").asText()).isEqualTo("C");
    }

    @Test
    void nested_titles_and_texts_are_preferred_too_and_other_objects_are_left_alone() throws Exception {
        JsonNode tree = TreeRewrite.apply(json.readTree("""
                {"head": {"title": {"en": "Director", "fr": "Directeur"}, "level": "D-2"},
                 "functions": [{"id": "f", "text": {"en": "Do", "fr": "Faire"}}],
                 "authority": {"instrument": "ST/SGB/2002/14", "provision": "1"}}"""), "fr");
        assertThat(tree.get("head").get("preferredTitle").asText()).isEqualTo("Directeur");
        assertThat(tree.get("functions").get(0).get("preferredText").asText()).isEqualTo("Faire");
        assertThat(keys(tree.get("authority"))).containsExactly("instrument", "provision");
        assertThat(tree.has("preferredAuthority")).isFalse();
    }

    @Test
    void without_a_language_nothing_changes() throws Exception {
        JsonNode tree = json.readTree("{\"name\": {\"fr\": \"x\", \"en\": \"y\"}}");
        assertThat(TreeRewrite.apply(tree.deepCopy(), null)).isEqualTo(tree);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
