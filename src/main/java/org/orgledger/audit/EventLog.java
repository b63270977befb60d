package org.orgledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.orgledger.audit.chain.ChainEntry;
import org.orgledger.audit.chain.StoredEvent;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log with its chain hashes, read in plain SQL: generic over event types, because an
 * audit must read every event ever recorded, including types this code does not know.
 */
@Component
class EventLog {

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    /** Same connection handling, but streams rows instead of loading the whole log. */
    private final JdbcTemplate streaming;
    private final ObjectMapper json;

    EventLog(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.json = json;
    }

    /**
     * Every event row and every chain-hash row, matched by sequence and in sequence order, so
     * that a row on either side without its partner is seen. Call inside a transaction (rows are
     * streamed with a cursor, and the heads must be read from the same snapshot).
     */
    void forEachEntry(Consumer<ChainEntry> consumer) {
        streaming.query("SELECT " + StoredEventRows.COLUMNS + ", h.sequence, h.previous_hash, h.hash"
                        + " FROM domain_event_entry e FULL OUTER JOIN ledger_hash h ON h.sequence = e.global_index"
                        + " ORDER BY coalesce(e.global_index, h.sequence)",
                rs -> {
                    StoredEvent event = StoredEventRows.map(rs);
                    long sequence = event != null ? event.sequence() : rs.getLong(11);
                    consumer.accept(new ChainEntry(sequence, event, rs.getBytes(12), rs.getBytes(13)));
                });
    }

    /** The events with their hashes as stored, for the export (same streaming as above). */
    void forEachEvent(Consumer<AuditLogEntryWithBytes> consumer) {
        streaming.query("SELECT " + StoredEventRows.COLUMNS + ", h.previous_hash, h.hash"
                        + " FROM domain_event_entry e LEFT JOIN ledger_hash h ON h.sequence = e.global_index"
                        + " ORDER BY e.global_index",
                rs -> {
                    StoredEvent event = StoredEventRows.map(rs);
                    consumer.accept(new AuditLogEntryWithBytes(event, rs.getBytes(11), rs.getBytes(12),
                            entry(event, rs.getBytes(11), rs.getBytes(12))));
                });
    }

    AuditLogPage page(AuditLogFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + StoredEventRows.COLUMNS + ", h.previous_hash, h.hash"
                + " FROM domain_event_entry e LEFT JOIN ledger_hash h ON h.sequence = e.global_index"
                + " WHERE e.global_index > ?");
        List<Object> arguments = new ArrayList<>(List.of(filter.afterSequence()));
        if (filter.unitId() != null) {
            sql.append(" AND e.aggregate_identifier = ?");
            arguments.add(filter.unitId());
        }
        if (filter.instrument() != null) {
            sql.append(" AND (e.aggregate_identifier = ? OR jsonb_path_exists(convert_from(e.payload, 'UTF8')::jsonb,"
                    + " '$.** ? (@ == $symbol)', jsonb_build_object('symbol', ?::text)))");
            arguments.add(filter.instrument());
            arguments.add(filter.instrument());
        }
        if (filter.recordedBy() != null) {
            sql.append(" AND convert_from(e.meta_data, 'UTF8')::jsonb ->> '" + LedgerMetadata.RECORDED_BY + "' = ?");
            arguments.add(filter.recordedBy());
        }
        if (filter.recordedFrom() != null) {
            sql.append(" AND e.time_stamp::timestamptz >= ?");
            arguments.add(Timestamp.from(filter.recordedFrom()));
        }
        if (filter.recordedTo() != null) {
            sql.append(" AND e.time_stamp::timestamptz < ?");
            arguments.add(Timestamp.from(filter.recordedTo()));
        }
        sql.append(" ORDER BY e.global_index LIMIT ?");
        arguments.add(filter.limit() + 1);
        List<AuditLogEntry> entries = jdbc.query(sql.toString(),
                (rs, n) -> entry(StoredEventRows.map(rs), rs.getBytes(11), rs.getBytes(12)), arguments.toArray());
        if (entries.size() > filter.limit()) {
            List<AuditLogEntry> page = entries.subList(0, filter.limit());
            return new AuditLogPage(List.copyOf(page), page.get(page.size() - 1).sequence());
        }
        return new AuditLogPage(entries, null);
    }

    /**
     * The Merkle leaf of the event with {@code sequence}: its index in chain order and its chain
     * hash (the leaf input). The index is counted back from the signed head of the event's own
     * transaction (the first head whose last sequence is not before it), so the cost is that
     * transaction's size, not the log's. Empty for a sequence no signed head covers.
     */
    Optional<Leaf> leafOf(long sequence) {
        return jdbc.query("""
                SELECT head.tree_size - 1 - (SELECT count(*) FROM ledger_hash later
                                             WHERE later.sequence > leaf.sequence AND later.sequence <= head.last_sequence),
                       leaf.hash
                FROM ledger_hash leaf
                JOIN LATERAL (SELECT tree_size, last_sequence FROM ledger_tree_head
                              WHERE last_sequence >= leaf.sequence ORDER BY last_sequence LIMIT 1) head ON true
                WHERE leaf.sequence = ?""",
                (rs, n) -> new Leaf(rs.getLong(1), sequence, rs.getBytes(2)), sequence).stream().findFirst();
    }

    /** A Merkle leaf: index in chain order (from 0), the event's sequence, and its chain hash. */
    record Leaf(long index, long sequence, byte[] hash) {
    }

    /** An event row with its chain-hash row and the auditor's reading of it. */
    record AuditLogEntryWithBytes(StoredEvent event, byte[] previousHash, byte[] hash, AuditLogEntry entry) {
    }

    private AuditLogEntry entry(StoredEvent event, byte[] previousHash, byte[] hash) {
        JsonNode metaData = readJson(event.metaData());
        JsonNode recordedBy = metaData.path(LedgerMetadata.RECORDED_BY);
        return new AuditLogEntry(event.sequence(), recordedAt(event.timeStamp()),
                recordedBy.isTextual() ? recordedBy.asText() : null,
                simpleName(event.payloadType()), readJson(event.payload()),
                hash == null ? null : HEX.formatHex(hash), previousHash == null ? null : HEX.formatHex(previousHash),
                event.aggregateIdentifier(), event.aggregateType(), event.aggregateSequence(), event.payloadType(),
                event.payloadRevision(), event.eventIdentifier(), metaData);
    }

    private JsonNode readJson(byte[] bytes) {
        if (bytes == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            // Not JSON (another serializer once wrote it): show the text rather than hide the event.
            return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static Instant recordedAt(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String simpleName(String payloadType) {
        int dot = payloadType.lastIndexOf('.');
        String name = dot < 0 ? payloadType : payloadType.substring(dot + 1);
        int nested = name.lastIndexOf('$');
        return nested < 0 ? name : name.substring(nested + 1);
    }
}
