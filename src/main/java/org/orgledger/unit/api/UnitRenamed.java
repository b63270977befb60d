package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

@Revision("1")
public record UnitRenamed(UnitId unitId, LocalizedText name, Map<String, TextLabel> nameLabels,
                               LocalDate effectiveFrom, Authority authority) implements UnitEvent {

    public UnitRenamed {
        nameLabels = TextLabel.byLanguage(nameLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public UnitRenamed(UnitId unitId, LocalizedText name, LocalDate effectiveFrom, Authority authority) {
        this(unitId, name, Map.of(), effectiveFrom, authority);
    }
}
