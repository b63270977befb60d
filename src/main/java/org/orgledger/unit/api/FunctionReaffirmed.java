package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;

@Revision("1")
public record FunctionReaffirmed(UnitId unitId, FunctionId functionId, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
