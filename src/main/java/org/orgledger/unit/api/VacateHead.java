package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

/** The unit has no designated head from {@code effectiveFrom}. */
public record VacateHead(@TargetAggregateIdentifier UnitId unitId, LocalDate effectiveFrom, Authority authority) {

    public VacateHead {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
