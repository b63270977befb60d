package org.orgledger.unit.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

/**
 * An instrument gives the unit another name besides its name, from {@code effectiveFrom}
 * (e.g. ST/SGB/2002/14 sec. 8 heads the Monitoring and Research Division 监测和研究司 with
 * 城市事务秘书处 in brackets). It does not replace the name. {@code nameLabels} marks the
 * languages that are summaries or unofficial translations.
 */
@Revision("1")
public record AlternateNameRecorded(UnitId unitId, LocalizedText name, Map<String, TextLabel> nameLabels,
                                    LocalDate effectiveFrom, Authority authority) implements UnitEvent {

    public AlternateNameRecorded {
        nameLabels = TextLabel.byLanguage(nameLabels);
    }
}
