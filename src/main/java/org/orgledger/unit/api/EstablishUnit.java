package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;


/** Establish a unit from {@code effectiveFrom}, under {@code parentId} (null at the top). */
public record EstablishUnit(@TargetAggregateIdentifier UnitId unitId,
                            UnitKind kind,
                            LocalizedText name, Map<String, TextLabel> nameLabels,
                            UnitId parentId,
                            LocalDate effectiveFrom,
                            Authority authority) {

    public EstablishUnit {
        name = LedgerText.require("name", name);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        nameLabels = TextLabel.byLanguage(nameLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public EstablishUnit(UnitId unitId, UnitKind kind, LocalizedText name, UnitId parentId, LocalDate effectiveFrom, Authority authority) {
        this(unitId, kind, name, Map.of(), parentId, effectiveFrom, authority);
    }
}
