package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record UnitEstablished(UnitId unitId,
                             UnitKind kind,
                             LocalizedText name,
                             UnitId parentId,
                             LocalDate effectiveFrom,
                             Authority authority) implements UnitEvent {
}
