package org.orgledger.platform.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jakarta.persistence.PersistenceUnitUtil;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.orgledger.platform.transaction.LedgerLock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JPA storage engine with one ledger-wide rule: appends are serialized by a
 * transaction-scoped PostgreSQL advisory lock. Under that lock the global sequence, the
 * commit order and the recorded time all agree, which is what lets the hash chain, the
 * bitemporal read model and the tracking processors take "sequence order" as the order of
 * history without gaps from interleaved transactions. See docs/decisions/0002.
 *
 * <p>The work that belongs to a transaction rather than to one append (the hash chain and its
 * signed tree head) runs once, just before the transaction commits, over every event the
 * transaction appended ({@link TransactionAppends}); an import of thousands of changes in one
 * transaction signs one tree head, not thousands (docs/decisions/0007).
 */
public class LedgerEventStorageEngine extends JpaEventStorageEngine {

    private final Clock clock;
    private final List<LedgerAppendListener> listeners;
    private final CommandReceipts receipts;
    private final JdbcTemplate jdbc;
    private final ThreadLocal<List<Object>> created = ThreadLocal.withInitial(ArrayList::new);
    private Instant lastRecordedAt = Instant.EPOCH;
    private volatile Runnable afterCommit = () -> { };

    public LedgerEventStorageEngine(Builder builder, Clock clock, List<LedgerAppendListener> listeners,
                                    CommandReceipts receipts, JdbcTemplate jdbc) {
        super(builder);
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.receipts = receipts;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        TransactionAppends appends = TransactionAppends.current(this::beforeCommit, () -> afterCommit.run());
        // commands hold it already; other appends (none today) would take it here
        LedgerLock.acquire(jdbc);
        Instant recordedAt = nextRecordedAt();
        List<EventMessage<?>> stamped = events.stream().<EventMessage<?>>map(event -> stamp(event, recordedAt)).toList();
        try {
            super.appendEvents(stamped, serializer);
            List<Object> entries = created.get();
            PersistenceUnitUtil ids = entityManager().getEntityManagerFactory().getPersistenceUnitUtil();
            for (int i = 0; i < stamped.size(); i++) {
                // the global index is the entity's id, given from the sequence when it was persisted
                AppendedEvent event = new AppendedEvent((Long) ids.getIdentifier(entries.get(i)), stamped.get(i));
                appends.add(event);
                receipts.record(event);
            }
        } finally {
            created.remove();
        }
        // The rows are written and flushed; keeping them managed would make every later flush of
        // this transaction compare them again (an import appends thousands).
        entityManager().clear();
    }

    /** Captures the entities Axon persists, so the sequences they were given need no query. */
    @Override
    protected Object createEventEntity(EventMessage<?> eventMessage, Serializer serializer) {
        Object entity = super.createEventEntity(eventMessage, serializer);
        created.get().add(entity);
        return entity;
    }

    /** The ledger takes no snapshots: loading an aggregate need not ask for one first. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    private void beforeCommit(List<AppendedEvent> appended) {
        listeners.forEach(listener -> listener.onAppended(appended));
    }

    /** What to do once a transaction that appended events has committed (wake the event store's reader). */
    void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    /**
     * The recorded time is the moment of the append, taken under the lock, so it never runs
     * backwards against the sequence even when the clock does.
     */
    private synchronized Instant nextRecordedAt() {
        Instant now = clock.instant();
        lastRecordedAt = now.isAfter(lastRecordedAt) ? now : lastRecordedAt.plusNanos(1000);
        return lastRecordedAt;
    }

    private static EventMessage<?> stamp(EventMessage<?> event, Instant recordedAt) {
        DomainEventMessage<?> domainEvent = asDomainEventMessage(event);
        return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), domainEvent, recordedAt);
    }
}
