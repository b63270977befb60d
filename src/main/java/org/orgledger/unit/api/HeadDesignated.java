package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

@Revision("1")
public record HeadDesignated(UnitId unitId, LocalizedText title, Map<String, TextLabel> titleLabels, HeadLevel level, LocalDate effectiveFrom,
                             Authority authority) implements UnitEvent {

    public HeadDesignated {
        titleLabels = TextLabel.byLanguage(titleLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public HeadDesignated(UnitId unitId, LocalizedText title, HeadLevel level, LocalDate effectiveFrom, Authority authority) {
        this(unitId, title, Map.of(), level, effectiveFrom, authority);
    }
}
