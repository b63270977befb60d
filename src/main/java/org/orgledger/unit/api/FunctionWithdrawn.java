package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;

/** @param supersededInstrument set when the function ended because its only ground was superseded */
@Revision("1")
public record FunctionWithdrawn(UnitId unitId, FunctionId functionId, LocalDate effectiveFrom, Authority authority,
                                InstrumentSymbol supersededInstrument) implements UnitEvent {
}
