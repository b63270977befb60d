package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.orgledger.ledger.IdentifierSyntax;

/**
 * A unit's stable identity: a lowercase slug path such as
 * {@code un-habitat/monitoring-and-research-division}. It survives renames and moves.
 * Stored in events as a plain JSON string.
 */
public record UnitId(@JsonValue String value) {

    public static final int MAX_LENGTH = 200;
    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*";
    private static final IdentifierSyntax SYNTAX = new IdentifierSyntax("a unit id (lowercase slug path)", PATTERN, MAX_LENGTH);

    public UnitId {
        SYNTAX.require(value);
    }

    @JsonCreator
    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
