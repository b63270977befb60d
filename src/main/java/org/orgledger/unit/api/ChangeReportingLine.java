package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

/** Move a unit under another parent ({@code parentId} null: to the top) from {@code effectiveFrom}. */
public record ChangeReportingLine(@TargetAggregateIdentifier UnitId unitId, UnitId parentId,
                                  LocalDate effectiveFrom, Authority authority) {

    public ChangeReportingLine {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
