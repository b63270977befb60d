package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;

public record FunctionReaffirmed(UnitId unitId, FunctionId functionId, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
