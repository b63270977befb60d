package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;

/** @param supersededInstrument set when the unit ended because its only ground was superseded */
@Revision("1")
public record UnitAbolished(UnitId unitId, ClosureKind closure, List<UnitId> successorIds, LocalDate effectiveFrom,
                            Authority authority, InstrumentSymbol supersededInstrument) implements UnitEvent {

    public UnitAbolished {
        successorIds = successorIds == null ? List.of() : List.copyOf(successorIds);
    }
}
