package org.orgledger.platform.readmodel;

/**
 * A rebuild or consistency check this node cannot do now because another node holds the work:
 * 409 with a stable code (see {@link MaintenanceProblemHandler}); nothing was changed.
 */
class MaintenanceRefused extends RuntimeException {

    enum Code {
        /** Another node is rebuilding or checking the read models. */
        READ_MODEL_MAINTENANCE_BUSY,
        /** Another node holds segments of the read models' processors: a rebuild must run where they all are. */
        READ_MODEL_SEGMENTS_ELSEWHERE
    }

    private final Code code;

    MaintenanceRefused(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
