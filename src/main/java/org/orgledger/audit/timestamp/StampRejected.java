package org.orgledger.audit.timestamp;

/** A timestamp token that does not prove what it is stored for; the message says why. */
public class StampRejected extends Exception {

    public StampRejected(String reason) {
        super(reason);
    }

    public StampRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
