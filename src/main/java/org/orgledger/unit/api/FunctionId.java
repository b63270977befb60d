package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.orgledger.ledger.IdentifierSyntax;

/** A function's id, unique within its unit: a slug such as {@code sgb-2002-14-7-2-b}. Stored as a plain JSON string. */
public record FunctionId(@JsonValue String value) {

    public static final int MAX_LENGTH = 100;
    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final IdentifierSyntax SYNTAX = new IdentifierSyntax("a function id (lowercase slug)", PATTERN, MAX_LENGTH);

    public FunctionId {
        SYNTAX.require(value);
    }

    @JsonCreator
    public static FunctionId of(String value) {
        return new FunctionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
