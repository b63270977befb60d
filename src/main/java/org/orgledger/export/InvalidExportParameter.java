package org.orgledger.export;

/**
 * An export's format that it does not have: 400 {@code INVALID_INPUT} naming the field, shaped
 * like the read endpoints' refusals (whose exception is web/'s own).
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
