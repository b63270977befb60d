package org.orgledger.structure.query;

import java.time.LocalDate;

/**
 * A fact's value over a valid-time interval {@code [validFrom, validTo)}; a null
 * {@code validTo} is open-ended.
 */
record FactVersion(String value, String authority, long sourceSequence, LocalDate validFrom, LocalDate validTo) {
}
