package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record HeadDesignated(UnitId unitId, LocalizedText title, HeadLevel level, LocalDate effectiveFrom,
                             Authority authority) implements UnitEvent {
}
