package org.orgledger.unit.api;

import java.time.LocalDate;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record FunctionAssigned(UnitId unitId, FunctionId functionId, LocalizedText text, LocalDate effectiveFrom,
                               Authority authority) implements UnitEvent {
}
