package org.orgledger.instrument.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.orgledger.ledger.IdentifierSyntax;

/** An instrument's symbol as printed: {@code ST/SGB/2002/14}, {@code A/RES/56/206}. Stored as a plain JSON string. */
public record InstrumentSymbol(@JsonValue String value) {

    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[A-Z0-9]+(?:[./-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)*";
    public static final int MAX_LENGTH = 100;
    private static final IdentifierSyntax SYNTAX = new IdentifierSyntax("an instrument symbol", PATTERN, MAX_LENGTH);

    public InstrumentSymbol {
        SYNTAX.require(value);
    }

    @JsonCreator
    public static InstrumentSymbol of(String value) {
        return new InstrumentSymbol(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
