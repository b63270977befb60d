package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.orgledger.ledger.IdentifierSyntax;

/** A grade as the United Nations writes it: {@code ASG}, {@code USG}, {@code D-2}, {@code P-5}. Stored as a plain JSON string. */
public record HeadLevel(@JsonValue String value) {

    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[A-Z]{1,4}(?:-[0-9A-Z]{1,3})?";
    /** The longest the pattern allows. */
    private static final int MAX_LENGTH = 8;
    private static final IdentifierSyntax SYNTAX = new IdentifierSyntax("a level (e.g. ASG, D-2)", PATTERN, MAX_LENGTH);

    public HeadLevel {
        SYNTAX.require(value);
    }

    @JsonCreator
    public static HeadLevel of(String value) {
        return new HeadLevel(value);
    }
}
