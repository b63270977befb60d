package org.orgledger.platform.eventstore;

/** Metadata keys every recorded change carries. */
public final class LedgerMetadata {

    /** The authenticated principal who recorded the change, or {@code system} for startup imports. */
    public static final String RECORDED_BY = "recordedBy";
    /** The recorder of changes the ledger makes by itself (startup imports). */
    public static final String SYSTEM = "system";
    /** Identifies the request whose command produced the events: how a caller finds its sequences. */
    public static final String COMMAND_ID = "commandId";

    private LedgerMetadata() {
    }
}
