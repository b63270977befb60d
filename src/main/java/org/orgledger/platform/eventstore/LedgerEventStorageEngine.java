package org.orgledger.platform.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JPA storage engine for reading; appends are this class's own (one JDBC batch per
 * transaction, {@link PendingEventRows}), with one ledger-wide rule: they are serialized by a
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

    /**
     * Serializes each event now (a payload that cannot be stored fails its own command) and gives
     * it its sequence; the rows are written together before the transaction commits
     * ({@link PendingEventRows}).
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        TransactionAppends appends = TransactionAppends.current(this::beforeCommit, () -> afterCommit.run());
        PendingEventRows rows = PendingEventRows.current(jdbc);
        Instant recordedAt = nextRecordedAt(rows.headRecordedAt());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> stamped = stamp(event, recordedAt);
            AppendedEvent appended = new AppendedEvent(rows.add(new DomainEventEntry(stamped, serializer)), stamped);
            appends.add(appended);
            receipts.record(appended);
        }
    }

    /** An aggregate read inside the transaction that appended to it sees its own new events. */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                    int batchSize) {
        PendingEventRows.writeNow();
        return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        PendingEventRows.writeNow();
        return super.lastSequenceNumberFor(aggregateIdentifier);
    }

    /** The ledger takes no snapshots: loading an aggregate need not ask for one first. */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /**
     * The rows first (the listeners read them back: the hash chain covers the bytes as stored);
     * a second first step of an aggregate's history (a command-side lookup that missed a unit)
     * is refused by the table's uniqueness here, as Axon's store would refuse it.
     */
    private void beforeCommit(List<AppendedEvent> appended) {
        StepAlreadyTaken.refusingDuplicates("an aggregate's history", PendingEventRows::writeNow);
        listeners.forEach(listener -> listener.onAppended(appended));
    }

    /** What to do once a transaction that appended events has committed (wake the event store's reader). */
    void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    /**
     * The recorded time is the moment of the append, taken under the lock, so it never runs
     * backwards against the sequence: not when this node's clock does, nor when the node that
     * recorded the last event had a clock ahead of this one's ({@code notBefore}, its time).
     */
    private synchronized Instant nextRecordedAt(Instant notBefore) {
        Instant now = clock.instant();
        Instant floor = lastRecordedAt.isAfter(notBefore) ? lastRecordedAt : notBefore;
        lastRecordedAt = now.isAfter(floor) ? now : floor.plusNanos(1000);
        return lastRecordedAt;
    }

    private static DomainEventMessage<?> stamp(EventMessage<?> event, Instant recordedAt) {
        DomainEventMessage<?> domainEvent = asDomainEventMessage(event);
        return new GenericDomainEventMessage<>(domainEvent.getType(), domainEvent.getAggregateIdentifier(),
                domainEvent.getSequenceNumber(), domainEvent, recordedAt);
    }
}
