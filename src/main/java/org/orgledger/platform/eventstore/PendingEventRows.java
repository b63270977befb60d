package org.orgledger.platform.eventstore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.orgledger.platform.transaction.TransactionScoped;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The events a transaction has appended but not yet written. Each is given its global sequence
 * when it is appended: the store's head as this transaction found it under the ledger lock, plus
 * one per event. Nobody else appends while the lock is held (decision 0002), so the numbers are
 * this transaction's without asking PostgreSQL for each, and a refused import leaves no gap. All
 * rows go out in one JDBC batch (a multi-row INSERT) just before the transaction commits, or
 * sooner when something in the transaction reads the event table ({@link #writeNow()}).
 * Decision 0007, "an import's events in one statement".
 */
public final class PendingEventRows {

    private static final String INSERT = """
            INSERT INTO domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                                            payload_type, time_stamp, aggregate_identifier, sequence_number, type)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final List<Object[]> rows = new ArrayList<>();
    private final Instant headRecordedAt;
    private long next;

    private PendingEventRows(JdbcTemplate jdbc, LedgerHead head) {
        this.jdbc = jdbc;
        this.next = head.sequence() + 1;
        this.headRecordedAt = head.recordedAt();
    }

    /** When the last event before this transaction's was recorded (on whichever node). */
    Instant headRecordedAt() {
        return headRecordedAt;
    }

    /** This transaction's pending rows; the first call takes the ledger lock and reads the head. */
    static PendingEventRows current(JdbcTemplate jdbc) {
        return TransactionScoped.get(PendingEventRows.class, () -> new PendingEventRows(jdbc, LedgerHead.underLock(jdbc)))
                .orElseThrow(() -> new IllegalStateException("events are appended only inside a transaction"));
    }

    /**
     * Writes what the current transaction has appended so far, if anything: for a reader of
     * {@code domain_event_entry} inside a transaction that may have appended.
     */
    public static void writeNow() {
        TransactionScoped.<PendingEventRows>find(PendingEventRows.class).ifPresent(PendingEventRows::write);
    }

    /** Gives the entry (serialized as Axon's JPA store would store it) its sequence and keeps its row. */
    long add(DomainEventEntry entry) {
        long sequence = next++;
        rows.add(new Object[] {sequence, entry.getEventIdentifier(), entry.getMetaData().getData(),
                entry.getPayload().getData(), entry.getPayload().getType().getRevision(),
                entry.getPayload().getType().getName(), DateTimeUtils.formatInstant(entry.getTimestamp()),
                entry.getAggregateIdentifier(), entry.getSequenceNumber(), entry.getType()});
        return sequence;
    }

    void write() {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, List.copyOf(rows));
        // The sequence is no longer drawn from, but kept at the head: a node of an earlier
        // version (a rolling upgrade) takes its next number after ours. In the same round trip,
        // the notification that wakes every node's event reader when this transaction commits.
        jdbc.queryForObject("SELECT setval('domain_event_entry_seq', ?) FROM pg_notify(?, '')", Long.class, next - 1,
                NodeNotifications.APPENDED);
        rows.clear();
    }
}
