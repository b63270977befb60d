package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;

/** @param supersededInstrument set when the head ended because its only ground was superseded */
@Revision("1")
public record HeadVacated(UnitId unitId, LocalDate effectiveFrom, Authority authority,
                          InstrumentSymbol supersededInstrument) implements UnitEvent {
}
