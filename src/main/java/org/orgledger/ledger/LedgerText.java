package org.orgledger.ledger;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orgledger.language.LocalizedText;

/**
 * What text the ledger keeps (names, titles, function texts, reasons): well-formed Unicode (no
 * lone surrogate, no noncharacter), at least one visible character, no bidirectional override or
 * isolate controls (they make a text display as something else than it is), and stored in
 * Unicode Normalization Form C, so that one name has one spelling in the log, the read models and
 * every comparison. The one place both the HTTP edge and the bulletin files use, and the commands
 * apply it too, so no path can record what the read side would change. Stored events are not
 * re-checked on replay. See docs/decisions/0008-date-range-and-text.md.
 */
public final class LedgerText {

    public static final String RULE = "must be well-formed Unicode with at least one visible character, without "
            + "control characters or bidirectional override/isolate controls";

    /** Letters that render as nothing (Hangul fillers, braille blank, combining grapheme joiner, ...). */
    private static final Set<Integer> BLANK_LOOKING = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E, 0x034F,
            0x17B4, 0x17B5);

    private LedgerText() {
    }

    /** The text in NFC, or {@link InvalidInput} naming {@code field} (null passes: presence is checked elsewhere). */
    public static String require(String field, String text) {
        if (text == null) {
            return null;
        }
        Optional<String> problem = problemWith(text);
        if (problem.isPresent()) {
            throw InvalidInput.of(field, RULE + " (" + problem.get() + ")");
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Every language's text checked and in NFC. */
    public static LocalizedText require(String field, LocalizedText text) {
        if (text == null) {
            return null;
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        text.values().forEach((language, value) -> normalized.put(language, require(field + "." + language, value)));
        return normalized.equals(text.values()) ? text : LocalizedText.of(normalized);
    }

    /** For validators that report by exception: throws {@link IllegalArgumentException} unless acceptable. */
    public static void acceptableOrThrow(String text) {
        problemWith(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** No lone surrogate: the text can be encoded as UTF-8 (and so stored by PostgreSQL) unchanged. */
    public static boolean isWellFormed(String text) {
        return text.codePoints().noneMatch(codePoint -> codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    }

    public static boolean acceptable(String text) {
        return text != null && problemWith(text).isEmpty();
    }

    /** Why the ledger cannot keep {@code text}, if it cannot. */
    public static Optional<String> problemWith(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of("a lone surrogate at " + i);
                }
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of("a lone surrogate at " + i);
            }
            int codePoint = text.codePointAt(i);
            if (Character.isSupplementaryCodePoint(codePoint)) {
                i++;
            }
            if (isNoncharacter(codePoint)) {
                return Optional.of("a noncharacter at " + i);
            }
            if (Character.isISOControl(codePoint) && codePoint != '\n') {
                return Optional.of("a control character at " + i);
            }
            if (isBidiControl(codePoint)) {
                return Optional.of("a bidirectional control at " + i);
            }
            visible |= isVisible(codePoint);
        }
        return visible ? Optional.empty() : Optional.of("no visible character");
    }

    private static boolean isBidiControl(int codePoint) {
        // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI; the marks LRM/RLM/ALM stay allowed
        return codePoint >= 0x202A && codePoint <= 0x202E || codePoint >= 0x2066 && codePoint <= 0x2069;
    }

    private static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static boolean isVisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || BLANK_LOOKING.contains(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
