package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

/** Give a unit a new name (all languages at once) from {@code effectiveFrom}. */
public record RenameUnit(@TargetAggregateIdentifier UnitId unitId, LocalizedText name,
                         LocalDate effectiveFrom, Authority authority) {
}
