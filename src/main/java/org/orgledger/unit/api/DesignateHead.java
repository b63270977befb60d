package org.orgledger.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;

/** The unit is headed, from {@code effectiveFrom}, by a post with this title ({@code level} may be unknown: null). */
public record DesignateHead(@TargetAggregateIdentifier UnitId unitId, LocalizedText title, HeadLevel level,
                            LocalDate effectiveFrom, Authority authority) {
}
