package org.orgledger.language;

import java.util.Objects;

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
}
