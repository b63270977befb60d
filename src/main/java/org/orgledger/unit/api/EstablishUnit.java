package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

/** Establish a unit from {@code effectiveFrom}, under {@code parentId} (null at the top). */
public record EstablishUnit(@TargetAggregateIdentifier UnitId unitId,
                            UnitKind kind,
                            LocalizedText name,
                            UnitId parentId,
                            LocalDate effectiveFrom,
                            Authority authority) {
}
