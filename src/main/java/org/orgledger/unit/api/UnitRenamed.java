package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record UnitRenamed(UnitId unitId, LocalizedText name, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
