package org.orgledger.instrument.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;


/** Record an instrument (bulletin, resolution, other): in force from {@code effectiveFrom}. */
public record PromulgateBulletin(@TargetAggregateIdentifier InstrumentSymbol symbol, InstrumentKind kind,
                                 LocalizedText title, Map<String, TextLabel> titleLabels,
                               LocalDate issuedOn, LocalDate effectiveFrom) {

    public PromulgateBulletin {
        title = LedgerText.require("title", title);
        issuedOn = LedgerDates.require("issuedOn", issuedOn);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        titleLabels = TextLabel.byLanguage(titleLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public PromulgateBulletin(InstrumentSymbol symbol, InstrumentKind kind, LocalizedText title, LocalDate issuedOn, LocalDate effectiveFrom) {
        this(symbol, kind, title, Map.of(), issuedOn, effectiveFrom);
    }
}
