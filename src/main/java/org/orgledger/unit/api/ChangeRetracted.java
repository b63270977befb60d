package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;

/**
 * @param retractedType  the retracted event's type by its short stored name ({@code UnitRenamed}; see
 *                       {@code ledger.events.EventNames}), which renaming its class does not change
 * @param effectiveFrom  the retracted change's effective date
 */
@Revision("1")
public record ChangeRetracted(UnitId unitId, long sequence, long changeNumber, String retractedType, String reason,
                              LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
