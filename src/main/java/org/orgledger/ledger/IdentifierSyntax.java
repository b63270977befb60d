package org.orgledger.ledger;

import java.util.regex.Pattern;

/**
 * The syntax of an identifier the ledger keeps as text (a unit id, a function id, an instrument
 * symbol): a pattern and a maximum length, checked in the identifier's constructor. The length is
 * checked first, so that no pattern runs over an unbounded input.
 */
public final class IdentifierSyntax {

    private final String description;
    private final Pattern pattern;
    private final int maxLength;

    /** @param description what a valid value is, for the message: {@code "a unit id (lowercase slug path)"} */
    public IdentifierSyntax(String description, String pattern, int maxLength) {
        this.description = description;
        this.pattern = Pattern.compile(pattern);
        this.maxLength = maxLength;
    }

    /** {@code value}, if it has this syntax; otherwise an {@link IllegalArgumentException} saying what it is not. */
    public String require(String value) {
        if (value == null || value.length() > maxLength || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not " + description + ": " + value);
        }
        return value;
    }
}
