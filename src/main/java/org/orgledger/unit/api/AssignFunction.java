package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.LedgerDates;
import org.orgledger.ledger.LedgerText;

public record AssignFunction(@TargetAggregateIdentifier UnitId unitId, FunctionId functionId, LocalizedText text, Map<String, TextLabel> textLabels,
                             LocalDate effectiveFrom, Authority authority) {

    public AssignFunction {
        text = LedgerText.require("text", text);
        effectiveFrom = LedgerDates.require("effectiveFrom", effectiveFrom);
        textLabels = TextLabel.byLanguage(textLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public AssignFunction(UnitId unitId, FunctionId functionId, LocalizedText text, LocalDate effectiveFrom, Authority authority) {
        this(unitId, functionId, text, Map.of(), effectiveFrom, authority);
    }
}
