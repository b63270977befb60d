package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

@Revision("1")
public record UnitEstablished(UnitId unitId,
                             UnitKind kind,
                             LocalizedText name, Map<String, TextLabel> nameLabels,
                             UnitId parentId,
                             LocalDate effectiveFrom,
                             Authority authority) implements UnitEvent {

    public UnitEstablished {
        nameLabels = TextLabel.byLanguage(nameLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public UnitEstablished(UnitId unitId, UnitKind kind, LocalizedText name, UnitId parentId, LocalDate effectiveFrom, Authority authority) {
        this(unitId, kind, name, Map.of(), parentId, effectiveFrom, authority);
    }
}
