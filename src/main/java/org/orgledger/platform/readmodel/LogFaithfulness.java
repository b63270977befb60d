package org.orgledger.platform.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The consistency check's comparison of a per-event read-model table with the log: every text of
 * every event up to the processor's position, as the log has it, must be among the texts of the
 * event's row (the row holds the event's fields as columns and JSON); an event without a row, or a
 * text the row does not show as written, is a difference.
 *
 * <p>The log and the table are both read in sequence order and walked side by side, a row at a
 * time: the check holds one event and one row in memory, whatever the length of the history (it
 * kept every row's texts before, which did not fit a 512 MB heap at a million events).
 */
final class LogFaithfulness {

    /** Rows fetched per round trip; PostgreSQL streams them only inside a transaction. */
    private static final int FETCH = 1000;

    private final DataSource dataSource;
    private final EventStorageEngine events;
    private final ObjectMapper json;
    private final int examples;

    LogFaithfulness(DataSource dataSource, EventStorageEngine events, ObjectMapper json, int examples) {
        this.dataSource = dataSource;
        this.events = events;
        this.json = json;
        this.examples = examples;
    }

    /**
     * The rows of {@code copy} (a qualified name: the snapshot of the live table {@code table})
     * against the log up to {@code position}, for the processor {@code group}.
     */
    ReadModelMaintenance.LogComparison compare(String group, String table, String copy, long position)
            throws SQLException {
        List<String> found = new ArrayList<>();
        long compared = 0;
        long differing = 0;
        if (position < 0) {
            return new ReadModelMaintenance.LogComparison(table, group, 0, 0, found);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT sequence, row_to_json(r)::text FROM " + copy + " r WHERE sequence <= ? ORDER BY sequence")) {
                statement.setFetchSize(FETCH);
                statement.setLong(1, position);
                try (ResultSet rows = statement.executeQuery();
                     Stream<? extends TrackedEventMessage<?>> log = events.readEvents(null, false)) {
                    Rows shownRows = new Rows(rows, table);
                    Iterator<? extends TrackedEventMessage<?>> logged = log
                            .takeWhile(event -> sequenceOf(event) <= position).iterator();
                    while (logged.hasNext()) {
                        TrackedEventMessage<?> event = logged.next();
                        long sequence = sequenceOf(event);
                        compared++;
                        Set<String> written = new LinkedHashSet<>();
                        collectTexts(json.valueToTree(event.getPayload()), written);
                        Set<String> shown = shownRows.textsOf(sequence);
                        List<String> missing = shown == null ? List.copyOf(written)
                                : written.stream().filter(text -> !shown.contains(text)).toList();
                        if (shown == null || !missing.isEmpty()) {
                            differing++;
                            if (found.size() < examples) {
                                found.add("event " + sequence + (shown == null ? " has no row" : " is not shown as written: "
                                        + missing.stream().map(LogFaithfulness::escaped).toList()));
                            }
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return new ReadModelMaintenance.LogComparison(table, group, compared, differing, found);
    }

    /** The table's rows in sequence order, read forward as the log is. */
    private final class Rows {

        private final ResultSet rows;
        private final String table;
        private long sequence = -1;
        private String row;
        private boolean ended;

        Rows(ResultSet rows, String table) {
            this.rows = rows;
            this.table = table;
        }

        /** The texts of the row of {@code wanted}, or null when it has none; rows before it are passed. */
        Set<String> textsOf(long wanted) {
            try {
                while (!ended && sequence < wanted) {
                    if (rows.next()) {
                        sequence = rows.getLong(1);
                        row = rows.getString(2);
                    } else {
                        ended = true;
                    }
                }
                if (ended || sequence != wanted) {
                    return null;
                }
                Set<String> texts = new HashSet<>();
                collectTexts(json.readTree(row), texts);
                return texts;
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("unreadable row of " + table, e);
            }
        }
    }

    private static void collectTexts(JsonNode node, Set<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectTexts(child, texts));
    }

    /** A text with what is not printable ASCII as a hexadecimal escape (backslash, u, four digits), so the report shows what differs. */
    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\u%04x", c)));
        return escaped.toString();
    }

    private static long sequenceOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
