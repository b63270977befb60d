package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;

public record UnitReaffirmed(UnitId unitId, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
