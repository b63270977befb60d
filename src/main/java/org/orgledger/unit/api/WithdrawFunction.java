package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;

public record WithdrawFunction(@TargetAggregateIdentifier UnitId unitId, FunctionId functionId,
                               LocalDate effectiveFrom, Authority authority) {
}
