package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

public record WithdrawFunction(@TargetAggregateIdentifier UnitId unitId, FunctionId functionId,
                               LocalDate effectiveFrom, Authority authority) {

    public WithdrawFunction {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
