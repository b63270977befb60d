package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;


/** The unit is headed, from {@code effectiveFrom}, by a post with this title ({@code level} may be unknown: null). */
public record DesignateHead(@TargetAggregateIdentifier UnitId unitId, LocalizedText title, Map<String, TextLabel> titleLabels, HeadLevel level,
                            LocalDate effectiveFrom, Authority authority) {

    public DesignateHead {
        title = LedgerText.require("title", title);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        titleLabels = TextLabel.byLanguage(titleLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public DesignateHead(UnitId unitId, LocalizedText title, HeadLevel level, LocalDate effectiveFrom, Authority authority) {
        this(unitId, title, Map.of(), level, effectiveFrom, authority);
    }
}
