package org.orgledger.platform.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.orgledger.platform.transaction.WriteBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The operator's tools for the read models. {@link #rebuild()} replays the whole event log into
 * the live tables (each tracking processor is shut down, its token reset, which empties its
 * tables through its {@code @ResetHandler}, and started again). {@link #check()} leaves the
 * live tables alone: it replays the log into shadow tables in a schema of its own, up to the
 * position each live processor had reached in a snapshot of the live tables, and compares the two
 * row by row. A projection that is not a pure function of the event log shows up there.
 */
@Component
public class ReadModelMaintenance {

    private static final int REPLAY_BATCH = 250;

    static final String SHADOW_SCHEMA = "orgledger_readmodel_check";
    private static final String LIVE_COPY_PREFIX = "live_";
    private static final int EXAMPLES = 5;
    private static final Logger log = LoggerFactory.getLogger(ReadModelMaintenance.class);

    private final List<ReadModel> readModels;
    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final EventStorageEngine events;
    private final ReadModelBarrier barrier;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration rebuildTimeout;

    ReadModelMaintenance(List<ReadModel> readModels, EventProcessingConfiguration processing,
                         org.axonframework.config.Configuration axon, EventStorageEngine events, ReadModelBarrier barrier,
                         DataSource dataSource, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                         @Value("${orgledger.read-models.rebuild-timeout:PT10M}") Duration rebuildTimeout) {
        this.readModels = List.copyOf(readModels);
        this.processing = processing;
        this.axon = axon;
        this.events = events;
        this.barrier = barrier;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.rebuildTimeout = rebuildTimeout;
    }

    /** Empties every read model and replays the whole log into it; returns once they have caught up (or timed out). */
    public synchronized RebuildReport rebuild() {
        Instant started = clock.instant();
        List<StreamingEventProcessor> processors = readModels.stream().map(this::processorOf).toList();
        log.info("Rebuilding read models {} from the event log", groups());
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        long head = barrier.head();
        boolean caughtUp = head == 0 || barrier.awaitProcessed(head, rebuildTimeout);
        Map<String, Long> rows = new LinkedHashMap<>();
        readModels.forEach(model -> model.tables().forEach(table ->
                rows.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class))));
        long millis = Duration.between(started, clock.instant()).toMillis();
        log.info("Read models {} rebuilt up to sequence {} in {} ms (caught up: {})", groups(), head, millis, caughtUp);
        return new RebuildReport(groups(), head, caughtUp, millis, rows);
    }

    /** Replays the log into shadow tables and compares them with a snapshot of the live tables. */
    public synchronized ConsistencyReport check() {
        String live = jdbc.queryForObject("SELECT current_schema()", String.class);
        try {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW_SCHEMA + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + SHADOW_SCHEMA);
            for (ReadModel model : readModels) {
                for (String table : model.tables()) {
                    jdbc.execute("CREATE TABLE " + SHADOW_SCHEMA + "." + table + " (LIKE " + live + "." + table
                            + " INCLUDING ALL)");
                }
            }
            Map<String, Long> positions = snapshotLiveTables(live);
            replayIntoShadow(positions);
            List<TableComparison> tables = new ArrayList<>();
            for (ReadModel model : readModels) {
                for (String table : model.tables()) {
                    tables.add(compare(live, model.processingGroup(), table));
                }
            }
            boolean consistent = tables.stream().allMatch(TableComparison::identical);
            if (!consistent) {
                log.warn("Read-model check found differences: {}", tables);
            }
            return new ConsistencyReport(consistent, positions, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("read-model check failed", e);
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + SHADOW_SCHEMA + " CASCADE");
        }
    }

    /**
     * In one repeatable-read transaction: how far each processor got, and a copy of its tables
     * as of exactly that point (a processor commits its rows and its token together).
     */
    private Map<String, Long> snapshotLiveTables(String live) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                JdbcTemplate snapshot = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                Map<String, Long> positions = new LinkedHashMap<>();
                for (ReadModel model : readModels) {
                    positions.put(model.processingGroup(), position(snapshot, model.processingGroup()));
                }
                for (ReadModel model : readModels) {
                    for (String table : model.tables()) {
                        snapshot.execute("CREATE TABLE " + SHADOW_SCHEMA + "." + LIVE_COPY_PREFIX + table
                                + " AS SELECT * FROM " + live + "." + table);
                    }
                }
                connection.commit();
                return positions;
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }

    /** Fresh projections on a connection that sees only the shadow schema, fed the log from the start. */
    private void replayIntoShadow(Map<String, Long> positions) throws SQLException {
        long last = positions.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL search_path TO " + SHADOW_SCHEMA);
                }
                JdbcTemplate shadow = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                Map<String, AnnotationEventHandlerAdapter> handlers = new LinkedHashMap<>();
                for (ReadModel model : readModels) {
                    Object projection = model.projectionWritingTo(shadow);
                    handlers.put(model.processingGroup(), new AnnotationEventHandlerAdapter(projection,
                            axon.parameterResolverFactory(), axon.handlerDefinition(projection.getClass())));
                }
                if (last >= 0) {
                    // in batches, as the tracking processors write (the property test holds the
                    // projections to the same answers one by one and in batches)
                    List<TrackedEventMessage<?>> batch = new ArrayList<>();
                    Runnable replayBatch = () -> batch.forEach(event -> handlers.forEach((group, handler) -> {
                        if (positionOf(event) <= positions.get(group)) {
                            handle(handler, event);
                        }
                    }));
                    try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                        stream.takeWhile(event -> positionOf(event) <= last).forEach(event -> {
                            batch.add(event);
                            if (batch.size() == REPLAY_BATCH) {
                                WriteBatch.run(replayBatch);
                                batch.clear();
                            }
                        });
                    }
                    WriteBatch.run(replayBatch);
                }
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private TableComparison compare(String live, String group, String table) {
        String columns = String.join(", ", jdbc.queryForList("""
                SELECT quote_ident(column_name) FROM information_schema.columns
                WHERE table_schema = ? AND table_name = ? AND is_identity = 'NO'
                ORDER BY ordinal_position""", String.class, live, table));
        String liveCopy = SHADOW_SCHEMA + "." + LIVE_COPY_PREFIX + table;
        String rebuilt = SHADOW_SCHEMA + "." + table;
        String onlyLive = "SELECT " + columns + " FROM " + liveCopy + " EXCEPT ALL SELECT " + columns + " FROM " + rebuilt;
        String onlyRebuilt = "SELECT " + columns + " FROM " + rebuilt + " EXCEPT ALL SELECT " + columns + " FROM " + liveCopy;
        List<String> examples = new ArrayList<>();
        jdbc.queryForList("SELECT 'only live: ' || row_to_json(d)::text FROM (" + onlyLive + ") d LIMIT " + EXAMPLES,
                String.class).forEach(examples::add);
        jdbc.queryForList("SELECT 'only rebuilt: ' || row_to_json(d)::text FROM (" + onlyRebuilt + ") d LIMIT " + EXAMPLES,
                String.class).forEach(examples::add);
        return new TableComparison(table, group,
                count("SELECT count(*) FROM " + liveCopy), count("SELECT count(*) FROM " + rebuilt),
                count("SELECT count(*) FROM (" + onlyLive + ") d"), count("SELECT count(*) FROM (" + onlyRebuilt + ") d"),
                examples);
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    /** The highest sequence the processor has committed, over all its segments; -1 before the first. */
    private long position(JdbcTemplate snapshot, String processor) {
        List<Long> positions = snapshot.query("SELECT token FROM token_entry WHERE processor_name = ?",
                (rs, i) -> index(rs.getBytes(1)), processor);
        return positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private long index(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            while (node.has("currentToken")) {
                node = node.get("currentToken");
            }
            return node.has("index") ? node.get("index").asLong() : -1;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable tracking token", e);
        }
    }

    private static long positionOf(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("replaying event " + positionOf(event) + " failed", e);
        }
    }

    private StreamingEventProcessor processorOf(ReadModel model) {
        return processing.eventProcessor(model.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + model.processingGroup()));
    }

    private List<String> groups() {
        return readModels.stream().map(ReadModel::processingGroup).toList();
    }

    /** What a rebuild did: the processors reset, the sequence they replayed up to, and the rows now in each table. */
    public record RebuildReport(List<String> processors, long replayedUpToSequence, boolean caughtUp, long durationMillis,
                                Map<String, Long> rows) {
    }

    /** Whether the live tables equal a fresh replay; positions are how far each processor had got. */
    public record ConsistencyReport(boolean consistent, Map<String, Long> positions, List<TableComparison> tables) {
    }

    /** One table, live against rebuilt: rows on each side, rows only on one side, and a few of them. */
    public record TableComparison(String table, String processor, long liveRows, long rebuiltRows, long onlyLive,
                                  long onlyRebuilt, List<String> examples) {

        public boolean identical() {
            return onlyLive == 0 && onlyRebuilt == 0;
        }
    }
}
