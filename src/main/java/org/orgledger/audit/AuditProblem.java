package org.orgledger.audit;

import org.springframework.http.HttpStatus;

/** A request the audit endpoints cannot answer, with the stable code the API returns. */
class AuditProblem extends RuntimeException {

    enum Code {
        UNKNOWN_SEQUENCE(HttpStatus.NOT_FOUND, "Unknown sequence"),
        UNKNOWN_TREE_SIZE(HttpStatus.NOT_FOUND, "No signed tree head of that size"),
        UNKNOWN_CHECKPOINT(HttpStatus.NOT_FOUND, "No checkpoint of that size"),
        INVALID_TREE_SIZE(HttpStatus.BAD_REQUEST, "Invalid tree size"),
        UNSUPPORTED_FORMAT(HttpStatus.BAD_REQUEST, "Unsupported format");

        final HttpStatus status;
        final String title;

        Code(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Code code;

    AuditProblem(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
