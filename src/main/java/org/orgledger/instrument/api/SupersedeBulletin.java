package org.orgledger.instrument.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code supersedingSymbol} abolishes {@code symbol} as of {@code effectiveFrom}, by {@code provision}. */
public record SupersedeBulletin(@TargetAggregateIdentifier InstrumentSymbol symbol, InstrumentSymbol supersedingSymbol,
                                LocalDate effectiveFrom, String provision) {
}
