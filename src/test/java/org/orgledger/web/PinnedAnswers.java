package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Answers compared with a pinned copy, member order included. What differs from one run to the
 * next is replaced: instants by {@code "<instant>"}, global sequence numbers by {@code "#1"},
 * {@code "#2"}, ... in order of first appearance (so a retraction still names the change it
 * retracts). Array elements the filter refuses (other test classes' data) are left out.
 */
final class PinnedAnswers {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> INSTANTS = Set.of("recordedAt", "retractedAt", "knownAt");
    private static final Set<String> SEQUENCES = Set.of("sequence", "retractedBy", "retractedSequence");

    private PinnedAnswers() {
    }

    static void assertPinned(String resource, Map<String, JsonNode> answers, Predicate<JsonNode> mine)
            throws IOException {
        ObjectNode actual = JSON.createObjectNode();
        Map<Long, String> sequences = new HashMap<>();
        answers.forEach((request, answer) -> actual.set(request, normalized(answer.deepCopy(), mine, sequences)));
        String written = JSON.writeValueAsString(actual) + "\n";
        Path copy = Path.of("target", resource);
        Files.createDirectories(copy.getParent());
        Files.writeString(copy, written);
        try (InputStream pinned = PinnedAnswers.class.getResourceAsStream("/" + resource)) {
            assertThat(pinned).as("pinned answers %s (this run's answers: %s)", resource, copy).isNotNull();
            assertThat(written).as("answers as pinned in %s (this run's: %s)", resource, copy)
                    .isEqualTo(new String(pinned.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode normalized(JsonNode node, Predicate<JsonNode> mine, Map<Long, String> sequences) {
        if (node instanceof ArrayNode array) {
            Iterator<JsonNode> elements = array.elements();
            while (elements.hasNext()) {
                JsonNode element = elements.next();
                if (element.isObject() && (element.has("sequence") || element.has("symbol")) && !mine.test(element)) {
                    elements.remove();
                } else {
                    normalized(element, mine, sequences);
                }
            }
        } else if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (INSTANTS.contains(name) && value.isTextual()) {
                    object.put(name, "<instant>");
                } else if (SEQUENCES.contains(name) && value.isIntegralNumber()) {
                    object.put(name, sequences.computeIfAbsent(value.asLong(), n -> "#" + (sequences.size() + 1)));
                } else {
                    normalized(value, mine, sequences);
                }
            });
        }
        return node;
    }
}
