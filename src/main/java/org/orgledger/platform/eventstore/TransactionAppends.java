package org.orgledger.platform.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.orgledger.platform.transaction.TransactionScoped;

/**
 * The events one database transaction has appended so far. Bound to the transaction: the first
 * append registers what runs just before it commits (over all of them, in sequence order) and
 * just after.
 */
final class TransactionAppends implements TransactionSynchronization {

    private final List<AppendedEvent> events = new ArrayList<>();
    private final Consumer<List<AppendedEvent>> beforeCommit;
    private final Runnable afterCommit;

    private TransactionAppends(Consumer<List<AppendedEvent>> beforeCommit, Runnable afterCommit) {
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    static TransactionAppends current(Consumer<List<AppendedEvent>> beforeCommit, Runnable afterCommit) {
        return TransactionScoped.get(TransactionAppends.class, () -> new TransactionAppends(beforeCommit, afterCommit))
                .orElseThrow(() -> new IllegalStateException("events are appended only inside a transaction"));
    }

    void add(AppendedEvent event) {
        events.add(event);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!events.isEmpty()) {
            beforeCommit.accept(List.copyOf(events));
        }
    }

    @Override
    public void afterCommit() {
        if (!events.isEmpty()) {
            afterCommit.run();
        }
    }
}
