package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;


/** Give a unit a new name (all languages at once) from {@code effectiveFrom}. */
public record RenameUnit(@TargetAggregateIdentifier UnitId unitId, LocalizedText name, Map<String, TextLabel> nameLabels,
                         LocalDate effectiveFrom, Authority authority) {

    public RenameUnit {
        name = LedgerText.require("name", name);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        nameLabels = TextLabel.byLanguage(nameLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public RenameUnit(UnitId unitId, LocalizedText name, LocalDate effectiveFrom, Authority authority) {
        this(unitId, name, Map.of(), effectiveFrom, authority);
    }
}
