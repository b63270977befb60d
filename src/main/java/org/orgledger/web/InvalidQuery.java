package org.orgledger.web;

/**
 * A query parameter the read endpoints cannot use: answered with 400 and a stable {@code code}
 * ({@code MISSING_PARAMETER}, {@code INVALID_DATE}, {@code INVALID_INSTANT},
 * {@code INVALID_DATE_RANGE}, {@code INVALID_LANGUAGE}) naming the offending field.
 */
class InvalidQuery extends RuntimeException {

    private final String code;
    private final String field;
    private final String value;

    InvalidQuery(String code, String field, String value, String message) {
        super(message);
        this.code = code;
        this.field = field;
        this.value = value;
    }

    String code() {
        return code;
    }

    String field() {
        return field;
    }

    String value() {
        return value;
    }
}
