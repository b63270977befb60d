package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A unit's stable identity: a lowercase slug path such as
 * {@code un-habitat/monitoring-and-research-division}. It survives renames and moves.
 */
public record UnitId(String value) {

    public static final int MAX_LENGTH = 200;
    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*";
    private static final Pattern SLUG_PATH = Pattern.compile(PATTERN);

    public UnitId {
        if (value == null || value.length() > MAX_LENGTH || !SLUG_PATH.matcher(value).matches()) {
            throw new IllegalArgumentException("not a unit id (lowercase slug path): " + value);
        }
    }

    @JsonCreator
    public static UnitId of(String value) {
        return new UnitId(value);
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
