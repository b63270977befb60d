package org.orgledger.instrument.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.language.LocalizedText;

/** Record an instrument (bulletin, resolution, other): in force from {@code effectiveFrom}. */
public record PromulgateBulletin(@TargetAggregateIdentifier InstrumentSymbol symbol, InstrumentKind kind,
                                 LocalizedText title, LocalDate issuedOn, LocalDate effectiveFrom) {
}
