package org.orgledger.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A grade as the United Nations writes it: {@code ASG}, {@code USG}, {@code D-2}, {@code P-5}. */
public record HeadLevel(String value) {

    /** The syntax, also published in the OpenAPI description. */
    public static final String PATTERN = "[A-Z]{1,4}(?:-[0-9A-Z]{1,3})?";
    private static final Pattern LEVEL = Pattern.compile(PATTERN);

    public HeadLevel {
        if (value == null || !LEVEL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a level (e.g. ASG, D-2): " + value);
        }
    }

    @JsonCreator
    public static HeadLevel of(String value) {
        return new HeadLevel(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }
}
