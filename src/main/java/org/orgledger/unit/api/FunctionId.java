package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A function's id, unique within its unit: a slug such as {@code sgb-2002-14-7-2-b}. */
public record FunctionId(String value) {

    public static final int MAX_LENGTH = 100;
    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
    private static final Pattern SLUG = Pattern.compile(PATTERN);

    public FunctionId {
        if (value == null || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("not a function id (lowercase slug): " + value);
        }
    }

    @JsonCreator
    public static FunctionId of(String value) {
        return new FunctionId(value);
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
