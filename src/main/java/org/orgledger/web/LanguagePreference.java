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

/**
 * The {@code lang} parameter of the read endpoints: a preference, never a filter. Every text
 * per language ({@code name}, {@code title}, {@code text}, and a renaming's {@code before} and
 * {@code after}) keeps all its languages, lists the preferred one first, and gets a sibling
 * {@code preferredName} ({@code preferredTitle}, {@code preferredText}, ...) holding the text
 * in that language; where the text lacks it, in a regional variant of it ({@code zh-Hans} for
 * {@code zh}), else in English, else in the first language it has.
 */
public final class LanguagePreference {

    private static final Set<String> LOCALIZED_FIELDS = Set.of("name", "title", "text", "before", "after");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String FALLBACK = "en";

    private LanguagePreference() {
    }

    public static JsonNode apply(JsonNode tree, String language) {
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
        if (text.has(language)) {
            return language;
        }
        Iterator<String> names = text.fieldNames();
        String first = null;
        String variant = null;
        while (names.hasNext()) {
            String name = names.next();
            first = first == null ? name : first;
            if (variant == null && name.startsWith(language + "-")) {
                variant = name;
            }
        }
        if (variant != null) {
            return variant;
        }
        return text.has(FALLBACK) ? FALLBACK : first;
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
