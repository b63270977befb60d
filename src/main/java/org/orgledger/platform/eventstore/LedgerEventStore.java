package org.orgledger.platform.eventstore;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, woken by the database commit itself. Axon wakes the reader that
 * feeds the tracking processors when its own unit of work commits; when that unit of work only
 * joins an outer transaction (an import runs every command in one), the events are not yet
 * visible then, the reader finds nothing and sleeps for its fetch delay. The storage engine
 * calls {@link #committed()} after the real commit instead (docs/decisions/0007).
 */
public class LedgerEventStore extends EmbeddedEventStore {

    LedgerEventStore(Builder builder) {
        super(builder);
    }

    /** Committed events are waiting: the shared reader fetches them now instead of after its delay. */
    void committed() {
        afterCommit(List.of());
    }
}
