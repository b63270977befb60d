package org.orgledger.audit;

import java.time.Instant;

/**
 * Which events an auditor asks for. Null fields do not filter. {@code unitId} matches the
 * aggregate identifier; {@code instrument} matches an event whose aggregate is the instrument or
 * whose payload holds the symbol as any value (a cited authority, a superseding instrument), so
 * it works for event types this code has never seen. {@code recordedFrom} is inclusive,
 * {@code recordedTo} exclusive.
 */
public record AuditLogFilter(long afterSequence, int limit, String unitId, String instrument, String recordedBy,
                             Instant recordedFrom, Instant recordedTo) {

    public static final int MAX_LIMIT = 1000;

    public AuditLogFilter {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
    }
}
