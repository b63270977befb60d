package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;

@Revision("1")
public record UnitReaffirmed(UnitId unitId, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
