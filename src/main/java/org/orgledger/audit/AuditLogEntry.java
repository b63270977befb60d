package org.orgledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One recorded event as an auditor reads it. {@code type} is the payload type's simple name;
 * {@code payloadType} the stored (fully qualified) one. Hashes are lowercase hex.
 */
public record AuditLogEntry(long sequence,
                            Instant recordedAt,
                            String recordedBy,
                            String type,
                            JsonNode payload,
                            String hash,
                            String previousHash,
                            String aggregateIdentifier,
                            String aggregateType,
                            long aggregateSequence,
                            String payloadType,
                            String revision,
                            String eventIdentifier,
                            JsonNode metaData) {
}
