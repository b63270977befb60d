package org.orgledger.audit.timestamp;

import java.util.List;
import org.orgledger.platform.eventstore.AppendedEvent;
import org.orgledger.platform.eventstore.LedgerAppendListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the stamper once the appending transaction has committed, never inside it: the TSA's
 * answer takes a network round trip that the write path must not wait for, and a head that
 * rolled back must not be stamped.
 */
@Component
class StampAfterCommit implements LedgerAppendListener {

    private final Timestamping timestamping;

    StampAfterCommit(Timestamping timestamping) {
        this.timestamping = timestamping;
    }

    @Override
    public void onAppended(List<AppendedEvent> events) {
        if (!timestamping.enabled() || events.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    timestamping.wake();
                }
            });
        } else {
            timestamping.wake();
        }
    }
}
