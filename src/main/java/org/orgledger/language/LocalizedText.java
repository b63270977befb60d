package org.orgledger.language;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A text in one or more languages, keyed by a BCP 47 language tag ({@code zh}, {@code en},
 * {@code es}). At least one language; no blank text. Serialized as a plain JSON object.
 */
public record LocalizedText(Map<String, String> values) {

    public static final int MAX_TEXT_LENGTH = 4000;
    /** A BCP 47 language tag as the ledger takes it: the one pattern of the service (render.js keeps a checked copy). */
    public static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    public LocalizedText {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("at least one language is required");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((language, text) -> {
            if (language == null || !LANGUAGE_TAG.matcher(language).matches()) {
                throw new IllegalArgumentException("not a language tag: " + language);
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("blank text for language " + language);
            }
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("text for language " + language + " is longer than " + MAX_TEXT_LENGTH);
            }
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                throw new IllegalArgumentException("control characters in text for language " + language);
            }
            copy.put(language, text);
        });
        values = Collections.unmodifiableMap(copy);
    }

    @JsonCreator
    public static LocalizedText of(Map<String, String> values) {
        return new LocalizedText(values);
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text));
    }

    @JsonValue
    @Override
    public Map<String, String> values() {
        return values;
    }

    public Optional<String> in(String language) {
        return Optional.ofNullable(values.get(language));
    }
}
