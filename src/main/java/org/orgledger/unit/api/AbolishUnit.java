package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerDates;

/** End a unit on {@code effectiveFrom}; merged/replaced name one successor, split at least two. */
public record AbolishUnit(@TargetAggregateIdentifier UnitId unitId, ClosureKind closure, List<UnitId> successorIds,
                          LocalDate effectiveFrom, Authority authority) {

    public AbolishUnit {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        successorIds = successorIds == null ? List.of() : List.copyOf(successorIds);
    }
}
