package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

/** A later instrument grounds an assigned function again (see {@link ReaffirmUnit}). */
public record ReaffirmFunction(@TargetAggregateIdentifier UnitId unitId, FunctionId functionId,
                               LocalDate effectiveFrom, Authority authority) {

    public ReaffirmFunction {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
