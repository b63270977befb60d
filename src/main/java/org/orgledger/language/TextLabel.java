package org.orgledger.language;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one language's entry of a {@link LocalizedText} is, when it is not simply the official
 * wording of the cited instrument: a summary, an unofficial translation, or the wording of
 * another document ({@code source}).
 */
public record TextLabel(TextStatus status, String source) {

    public TextLabel {
        Objects.requireNonNull(status, "status");
        if (source != null && source.length() > LocalizedText.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("source longer than " + LocalizedText.MAX_TEXT_LENGTH);
        }
    }

    /**
     * An unmodifiable copy of labels per language, in the order of their language tags. Not
     * {@code Map.copyOf}: its iteration order changes from one JVM to the next, and so would every
     * event and answer written from it (two nodes gave different answers for one ledger).
     */
    public static Map<String, TextLabel> byLanguage(Map<String, TextLabel> labels) {
        return labels == null || labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
