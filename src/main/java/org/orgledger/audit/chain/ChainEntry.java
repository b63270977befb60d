package org.orgledger.audit.chain;

/**
 * One position of the log as found: the event row and its chain-hash row, matched by sequence.
 * Either may be missing ({@code null}) when rows were deleted or inserted behind the ledger's back.
 */
public record ChainEntry(long sequence, StoredEvent event, byte[] previousHash, byte[] hash) {
}
