package org.orgledger.instrument.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** An instrument's symbol as printed: {@code ST/SGB/2002/14}, {@code A/RES/56/206}. */
public record InstrumentSymbol(String value) {

    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[A-Z0-9]+(?:[./-][A-Za-z0-9]+)*(?:/[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*)*";
    private static final Pattern SYMBOL = Pattern.compile(PATTERN);
    public static final int MAX_LENGTH = 100;

    public InstrumentSymbol {
        if (value == null || value.length() > MAX_LENGTH || !SYMBOL.matcher(value).matches()) {
            throw new IllegalArgumentException("not an instrument symbol: " + value);
        }
    }

    @JsonCreator
    public static InstrumentSymbol of(String value) {
        return new InstrumentSymbol(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
