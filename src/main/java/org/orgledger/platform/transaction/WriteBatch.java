package org.orgledger.platform.transaction;

import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work that is not in a Spring-managed transaction (the consistency check replays on a
 * connection of its own) as if it were one that commits at its end: what the projections
 * collected for the transaction ({@link PendingRows}, the structure's facts) is written then,
 * in batches, exactly as a tracking processor's batch would write it.
 */
public final class WriteBatch {

    private WriteBatch() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.initSynchronization();
        int outcome = TransactionSynchronization.STATUS_ROLLED_BACK;
        try {
            work.run();
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                synchronization.beforeCommit(false);
            }
            outcome = TransactionSynchronization.STATUS_COMMITTED;
        } finally {
            List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
            TransactionSynchronizationManager.clearSynchronization();
            for (TransactionSynchronization synchronization : synchronizations) {
                synchronization.afterCompletion(outcome);
            }
        }
    }
}
