package org.orgledger.audit.timestamp;

/** A stored RFC 3161 TimeStampToken (DER) for the signed tree head of {@code treeSize}. */
public record Stamp(long treeSize, byte[] token) {
}
