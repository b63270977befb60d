package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;

/** Record another name that an instrument gives the unit, from {@code effectiveFrom}. */
public record RecordAlternateName(@TargetAggregateIdentifier UnitId unitId, LocalizedText name,
                                  Map<String, TextLabel> nameLabels, LocalDate effectiveFrom, Authority authority) {

    public RecordAlternateName {
        name = LedgerText.require("name", name);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        nameLabels = TextLabel.byLanguage(nameLabels);
    }
}
