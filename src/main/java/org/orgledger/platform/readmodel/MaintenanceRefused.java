package org.orgledger.platform.readmodel;

/**
 * A rebuild or consistency check this node cannot do now because another node holds the work:
 * 409 with a stable code of the error catalogue (the web layer's one advice answers it); nothing was changed.
 */
public class MaintenanceRefused extends RuntimeException {

    public enum Code {
        /** Another node is rebuilding or checking the read models. */
        READ_MODEL_MAINTENANCE_BUSY,
        /** Another node did not let go of its read-model segments, which a rebuild resets. */
        READ_MODEL_SEGMENTS_ELSEWHERE
    }

    private final Code code;

    MaintenanceRefused(Code code, String detail) {
        super(detail);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
