package org.orgledger.platform.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA storage engine with one ledger-wide rule: appends are serialized by a
 * transaction-scoped PostgreSQL advisory lock. Under that lock the global sequence, the
 * commit order and the recorded time all agree, which is what lets the hash chain, the
 * bitemporal read model and the tracking processors take "sequence order" as the order of
 * history without gaps from interleaved transactions. See docs/decisions/0002.
 */
public class LedgerEventStorageEngine extends JpaEventStorageEngine {

    /** The ledger lock; commands already hold it (re-entrant), other appends take it here. */
    static final long LEDGER_APPEND_LOCK = org.orgledger.ledger.LedgerLockInterceptor.LEDGER_LOCK;

    private final Clock clock;
    private final List<LedgerAppendListener> listeners;
    private Instant lastRecordedAt = Instant.EPOCH;

    public LedgerEventStorageEngine(Builder builder, Clock clock, List<LedgerAppendListener> listeners) {
        super(builder);
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        entityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", LEDGER_APPEND_LOCK)
                .getSingleResult();
        Instant recordedAt = nextRecordedAt();
        List<EventMessage<?>> stamped = events.stream().<EventMessage<?>>map(event -> stamp(event, recordedAt)).toList();
        super.appendEvents(stamped, serializer);
        List<AppendedEvent> appended = withSequences(stamped);
        listeners.forEach(listener -> listener.onAppended(appended));
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

    private List<AppendedEvent> withSequences(List<EventMessage<?>> stamped) {
        Map<String, EventMessage<?>> byIdentifier = stamped.stream()
                .collect(Collectors.toMap(EventMessage::getIdentifier, Function.identity()));
        List<Object[]> rows = entityManager()
                .createQuery("SELECT e.globalIndex, e.eventIdentifier FROM " + domainEventEntryEntityName()
                        + " e WHERE e.eventIdentifier IN :ids", Object[].class)
                .setParameter("ids", byIdentifier.keySet())
                .getResultList();
        List<AppendedEvent> appended = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            appended.add(new AppendedEvent((Long) row[0], byIdentifier.get((String) row[1])));
        }
        appended.sort(Comparator.comparingLong(AppendedEvent::sequence));
        return appended;
    }
}
