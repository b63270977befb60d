package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;

/**
 * Sent by the supersession process: {@code supersededInstrument} ceased on {@code effectiveFrom},
 * so every fact of this unit in force that day whose only ground it is ends, citing the
 * superseding instrument's {@code authority}. Idempotent: facts already ended are left alone.
 */
public record ApplySupersession(@TargetAggregateIdentifier UnitId unitId, InstrumentSymbol supersededInstrument,
                                LocalDate effectiveFrom, Authority authority) {
}
