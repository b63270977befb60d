package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;

/**
 * @param retractedType  the simple name of the retracted event's type
 * @param effectiveFrom  the retracted change's effective date
 */
public record ChangeRetracted(UnitId unitId, long sequence, long changeNumber, String retractedType, String reason,
                              LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
