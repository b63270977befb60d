package org.orgledger.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.orgledger.ledger.ProblemCode;
import org.orgledger.ledger.Refusal;

/**
 * A query parameter the read endpoints cannot use: answered with 400 and its code
 * ({@code MISSING_PARAMETER}, {@code INVALID_DATE}, {@code INVALID_INSTANT},
 * {@code INVALID_DATE_RANGE}, {@code INVALID_LANGUAGE}) naming the offending field.
 */
public class InvalidQuery extends Refusal {

    private final String field;
    private final String value;

    public InvalidQuery(ProblemCode code, String field, String value, String message) {
        super(code, message);
        this.field = field;
        this.value = value;
    }

    /** One entry: {@code field}, the {@code rejectedValue} where there was one, and the {@code message}. */
    @Override
    public Object errors() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        if (value != null) {
            error.put("rejectedValue", value);
        }
        error.put("message", getMessage());
        return List.of(error);
    }
}
