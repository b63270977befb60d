package org.orgledger.instrument.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.ledger.LedgerDates;

/** {@code supersedingSymbol} abolishes {@code symbol} as of {@code effectiveFrom}, by {@code provision}. */
public record SupersedeBulletin(@TargetAggregateIdentifier InstrumentSymbol symbol, InstrumentSymbol supersedingSymbol,
                                LocalDate effectiveFrom, String provision) {

    public SupersedeBulletin {
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
    }
}
