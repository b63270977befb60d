package org.orgledger.export;

/**
 * A query parameter of an export that cannot be used: 400 with the read endpoints' stable codes
 * ({@code MISSING_PARAMETER}, {@code INVALID_DATE}, {@code INVALID_INSTANT},
 * {@code INVALID_DATE_RANGE}, {@code INVALID_LANGUAGE}, or {@code INVALID_INPUT} for an unknown
 * format) and the offending field.
 */
class InvalidExportParameter extends RuntimeException {

    private final String code;
    private final String field;
    private final String value;

    InvalidExportParameter(String code, String field, String value, String message) {
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
