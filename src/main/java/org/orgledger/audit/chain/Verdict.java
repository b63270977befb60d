package org.orgledger.audit.chain;

/**
 * The outcome of checking a log: valid with the number of events checked and the chain's head
 * hash, or invalid with the first sequence that cannot be trusted and why.
 */
public record Verdict(boolean valid, long eventsChecked, byte[] head, long treeSize,
                      Long firstInvalidSequence, String reason) {

    static Verdict valid(long eventsChecked, byte[] head, long treeSize) {
        return new Verdict(true, eventsChecked, head, treeSize, null, null);
    }

    static Verdict invalid(long eventsChecked, long firstInvalidSequence, String reason) {
        return new Verdict(false, eventsChecked, null, 0, firstInvalidSequence, reason);
    }
}
