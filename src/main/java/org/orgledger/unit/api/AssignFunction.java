package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

public record AssignFunction(@TargetAggregateIdentifier UnitId unitId, FunctionId functionId, LocalizedText text,
                             LocalDate effectiveFrom, Authority authority) {
}
