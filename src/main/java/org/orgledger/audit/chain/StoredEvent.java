package org.orgledger.audit.chain;

/**
 * One row of {@code domain_event_entry} exactly as stored: the hash chain covers these bytes and
 * strings, never a re-serialization of the event, so that anyone holding the rows can recompute it.
 * Nullable fields are those the table allows to be NULL.
 */
public record StoredEvent(long sequence,
                          String eventIdentifier,
                          String aggregateType,
                          String aggregateIdentifier,
                          long aggregateSequence,
                          String payloadType,
                          String payloadRevision,
                          byte[] payload,
                          byte[] metaData,
                          String timeStamp) {
}
