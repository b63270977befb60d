package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

/**
 * A later instrument grounds an existing unit (and its current head) again, so that the unit
 * survives the supersession of the instrument that first grounded it.
 */
public record ReaffirmUnit(@TargetAggregateIdentifier UnitId unitId, LocalDate effectiveFrom, Authority authority) {

    public ReaffirmUnit {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
