package org.orgledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.orgledger.language.LocalizedText;

/**
 * How the answers were given {@code lang} before they were typed views: their JSON tree
 * rewritten by field name. Kept as the reference the typed writing ({@link LanguagePreference})
 * must match byte for byte ({@code TypedLanguagePreferenceTest}).
 */
final class TreeRewrite {

    private static final Pattern LANGUAGE_TAG = LocalizedText.LANGUAGE_TAG;
    private static final Set<String> LOCALIZED_FIELDS = Set.of("name", "title", "text", "before", "after");

    private TreeRewrite() {
    }

    static JsonNode apply(JsonNode tree, String language) {
        if (language != null) {
            visit(tree, language);
        }
        return tree;
    }

    private static void visit(JsonNode node, String language) {
        if (node.isArray()) {
            node.forEach(child -> visit(child, language));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            if (LOCALIZED_FIELDS.contains(name) && isLocalizedText(value)) {
                ObjectNode text = (ObjectNode) value;
                String preferred = pick(text, language);
                object.set(name, preferredFirst(text, preferred));
                object.put("preferred" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
                        text.get(preferred).asText());
            } else {
                visit(value, language);
            }
        }
    }

    private static boolean isLocalizedText(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!LANGUAGE_TAG.matcher(field.getKey()).matches() || !field.getValue().isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String pick(ObjectNode text, String language) {
        return LanguagePreference.pick(text::fieldNames, language);
    }

    private static ObjectNode preferredFirst(ObjectNode text, String preferred) {
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        ordered.put(preferred, text.get(preferred));
        text.fields().forEachRemaining(field -> ordered.putIfAbsent(field.getKey(), field.getValue()));
        ObjectNode reordered = text.objectNode();
        reordered.setAll(ordered);
        return reordered;
    }
}
