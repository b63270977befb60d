package org.orgledger.structure.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one recorded change says about one fact of a unit: from {@code effectiveFrom} the fact
 * has {@code value}, or (when {@code ends}) the fact no longer holds.
 *
 * @param value     JSON of the fact's value; null when the assertion ends the fact
 * @param authority JSON of the authority the change cites
 */
record Assertion(long sequence, String unitId, String factKey, LocalDate effectiveFrom, boolean ends,
                 String value, String authority, Instant recordedAt) {
}
