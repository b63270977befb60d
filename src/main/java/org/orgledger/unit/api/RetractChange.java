package org.orgledger.unit.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.orgledger.instrument.api.Authority;
import org.orgledger.ledger.LedgerText;

/**
 * A correction: the change recorded as the unit's {@code changeNumber}-th event (global
 * {@code sequence}) stops counting for readers of the ledger as known after the retraction.
 * It stays in the history. An establishment cannot be retracted.
 */
public record RetractChange(@TargetAggregateIdentifier UnitId unitId, long sequence, long changeNumber,
                            String reason, Authority authority) {

    public RetractChange {
        reason = LedgerText.require("reason", reason);
    }
}
