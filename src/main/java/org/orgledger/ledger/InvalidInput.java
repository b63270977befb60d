package org.orgledger.ledger;

import java.util.List;

/**
 * Input refused before it reached the ledger, with the offending fields: the API answers 400
 * with {@code "code": "INVALID_INPUT"} and an {@code errors} list. Throw it from anything that
 * turns outside input into commands (request bodies, path segments, bulletin files).
 */
public class InvalidInput extends Refusal {

    /** One offending field: a path such as {@code authority.provision} or {@code successorIds[1]}. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInput(String detail, List<FieldError> errors) {
        super(ProblemCode.INVALID_INPUT, detail);
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(field + ": " + message, List.of(new FieldError(field, message)));
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
