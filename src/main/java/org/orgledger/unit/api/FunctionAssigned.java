package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

@Revision("1")
public record FunctionAssigned(UnitId unitId, FunctionId functionId, LocalizedText text, Map<String, TextLabel> textLabels,
                               LocalDate effectiveFrom,
                               Authority authority) implements UnitEvent {

    public FunctionAssigned {
        textLabels = TextLabel.byLanguage(textLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public FunctionAssigned(UnitId unitId, FunctionId functionId, LocalizedText text, LocalDate effectiveFrom, Authority authority) {
        this(unitId, functionId, text, Map.of(), effectiveFrom, authority);
    }
}
