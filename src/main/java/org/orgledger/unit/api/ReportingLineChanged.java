package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;

public record ReportingLineChanged(UnitId unitId, UnitId parentId, LocalDate effectiveFrom, Authority authority) implements UnitEvent {
}
