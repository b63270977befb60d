package org.orgledger.platform.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.springboot.TokenStoreProperties;
import org.orgledger.platform.eventstore.ProcessorSegments;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.orgledger.platform.transaction.NodeExclusive;
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

    private static final int REPLAY_BATCH = 1000;

    static final String SHADOW_SCHEMA = "orgledger_readmodel_check";
    private static final String LIVE_COPY_PREFIX = "live_";
    private static final int EXAMPLES = 5;
    private static final Logger log = LoggerFactory.getLogger(ReadModelMaintenance.class);

    private final List<ReadModel> readModels;
    private final EventProcessingConfiguration processing;
    private final org.axonframework.config.Configuration axon;
    private final EventStorageEngine events;
    private final ReadModelBarrier barrier;
    private final ProcessorSegments segments;
    private final RebuildClaims claims;
    private final Duration claimTimeout;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration rebuildTimeout;
    private final LogFaithfulness logFaithfulness;

    ReadModelMaintenance(List<ReadModel> readModels, EventProcessingConfiguration processing,
                         org.axonframework.config.Configuration axon, EventStorageEngine events, ReadModelBarrier barrier,
                         ProcessorSegments segments, RebuildClaims claims, TokenStoreProperties tokenStore,
                         DataSource dataSource, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                         @Value("${orgledger.read-models.rebuild-timeout:PT10M}") Duration rebuildTimeout) {
        this.readModels = List.copyOf(readModels);
        this.processing = processing;
        this.axon = axon;
        this.events = events;
        this.barrier = barrier;
        this.segments = segments;
        this.claims = claims;
        this.claimTimeout = tokenStore.getClaimTimeout();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rebuildTimeout = rebuildTimeout;
        this.logFaithfulness = new LogFaithfulness(dataSource, events, json, EXAMPLES);
    }

    /**
     * Empties every read model and replays the whole log into it; returns once they have caught up
     * (or timed out). One node at a time: the others give up their read-model segments and claim
     * none until the reset is done ({@link RebuildClaims}), so this node holds every segment when
     * it resets them. Refused, with nothing reset, when another node does not let go in time.
     */
    public RebuildReport rebuild() {
        return NodeExclusive.tryRun(jdbc, NodeExclusive.READ_MODEL_MAINTENANCE, () -> {
            claims.rebuildingHere(true);
            try {
                return NodeExclusive.run(jdbc, NodeExclusive.READ_MODEL_REBUILD, this::rebuildHere);
            } finally {
                claims.rebuildingHere(false);
            }
        }).orElseThrow(ReadModelMaintenance::busy);
    }

    private synchronized RebuildReport rebuildHere() {
        Instant started = clock.instant();
        List<StreamingEventProcessor> processors = readModels.stream().map(this::processorOf).toList();
        // This node's processors stop first. Running while the other nodes let go of their
        // segments, they would claim them, and a shutdown that lands while a processor is starting
        // a worker for one can leave that segment claimed by this node with no worker: after the
        // reset nobody replayed it, and the rebuild waited out its timeout (seen once in MultiNodeIT).
        shutDownTogether(processors);
        try {
            awaitSegmentsReleasedElsewhere();
        } catch (MaintenanceRefused refused) {
            processors.forEach(StreamingEventProcessor::start);
            throw refused;
        }
        log.info("Rebuilding read models {} from the event log", groups());
        try {
            processors.forEach(StreamingEventProcessor::resetTokens);
        } catch (UnableToClaimTokenException heldElsewhere) {
            processors.forEach(StreamingEventProcessor::start);
            throw new MaintenanceRefused(MaintenanceRefused.Code.READ_MODEL_SEGMENTS_ELSEWHERE,
                    "another node still holds a read-model segment (" + heldElsewhere.getMessage()
                            + "); read models already reset replay on their own; try again");
        }
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

    /**
     * All at once: each processor's worker notices the shutdown only when its wait for new events
     * ends (Axon's event-availability timeout, a second), so one after another was a second or so
     * per read model before the replay even began (half of a 10,000-event rebuild, in a profile).
     */
    private static void shutDownTogether(List<StreamingEventProcessor> processors) {
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Other nodes let go of their segments at their next token update or claim extension (a
     * second or so); a node that has died lets go when its claims time out. Waits for both, then
     * refuses, naming the segments still held.
     */
    private void awaitSegmentsReleasedElsewhere() {
        Instant deadline = clock.instant().plus(claimTimeout.multipliedBy(2)).plusSeconds(5);
        List<String> elsewhere = segmentsElsewhere();
        while (!elsewhere.isEmpty() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            elsewhere = segmentsElsewhere();
        }
        if (!elsewhere.isEmpty()) {
            throw new MaintenanceRefused(MaintenanceRefused.Code.READ_MODEL_SEGMENTS_ELSEWHERE,
                    "other nodes did not let go of " + String.join(", ", elsewhere) + " within " + claimTimeout.multipliedBy(2)
                            + "; nothing was reset; try again, or stop those nodes");
        }
    }

    /** The read-model segments whose claim another node holds (a claim timed out counts as let go). */
    private List<String> segmentsElsewhere() {
        String thisNode = claims.nodeId();
        Map<String, List<ProcessorSegments.SegmentProgress>> progress = segments.read();
        List<String> elsewhere = new ArrayList<>();
        for (String group : groups()) {
            progress.getOrDefault(group, List.of()).stream()
                    .filter(segment -> segment.owner() != null && !segment.owner().equals(thisNode)
                            && !segment.claimedBefore(clock.instant().minus(claimTimeout)))
                    .forEach(segment -> elsewhere.add(group + " segment " + segment.segment().getSegmentId()
                            + " (node " + segment.owner() + ")"));
        }
        return elsewhere;
    }

    private static MaintenanceRefused busy() {
        return new MaintenanceRefused(MaintenanceRefused.Code.READ_MODEL_MAINTENANCE_BUSY,
                "a rebuild or consistency check is running on another node (or on this one); try again when it has ended");
    }

    /**
     * Replays the log into shadow tables and compares them with a snapshot of the live tables.
     * One at a time across all nodes (the shadow schema is shared): refused while another runs.
     */
    public ConsistencyReport check() {
        return NodeExclusive.tryRun(jdbc, NodeExclusive.READ_MODEL_MAINTENANCE, this::checkHere)
                .orElseThrow(ReadModelMaintenance::busy);
    }

    private synchronized ConsistencyReport checkHere() {
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
            LiveSnapshot snapshot = snapshotLiveTables(live);
            Map<String, Long> positions = snapshot.positions();
            replayIntoShadow(snapshot);
            List<TableComparison> tables = new ArrayList<>();
            for (ReadModel model : readModels) {
                for (String table : model.tables()) {
                    tables.add(compare(live, model.processingGroup(), table));
                }
            }
            List<LogComparison> logComparisons = new ArrayList<>();
            for (ReadModel model : readModels) {
                if (model.eventTable().isPresent()) {
                    String table = model.eventTable().get();
                    logComparisons.add(logFaithfulness.compare(model.processingGroup(), table,
                            SHADOW_SCHEMA + "." + LIVE_COPY_PREFIX + table, positions.get(model.processingGroup())));
                }
            }
            boolean consistent = tables.stream().allMatch(TableComparison::identical)
                    && logComparisons.stream().allMatch(LogComparison::faithful);
            if (!consistent) {
                log.warn("Read-model check found differences: {} {}", tables, logComparisons);
            }
            return new ConsistencyReport(consistent, positions, tables, logComparisons);
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
    private LiveSnapshot snapshotLiveTables(String live) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                JdbcTemplate snapshot = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                Map<String, List<ProcessorSegments.SegmentProgress>> progress = segments.read(snapshot);
                Map<String, List<ProcessorSegments.SegmentProgress>> ofReadModels = new LinkedHashMap<>();
                for (ReadModel model : readModels) {
                    ofReadModels.put(model.processingGroup(), progress.getOrDefault(model.processingGroup(), List.of()));
                }
                for (ReadModel model : readModels) {
                    for (String table : model.tables()) {
                        snapshot.execute("CREATE TABLE " + SHADOW_SCHEMA + "." + LIVE_COPY_PREFIX + table
                                + " AS SELECT * FROM " + live + "." + table);
                    }
                }
                connection.commit();
                return new LiveSnapshot(ofReadModels);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }

    /** Fresh projections on a connection that sees only the shadow schema, fed the log from the start. */
    private void replayIntoShadow(LiveSnapshot snapshot) throws SQLException {
        long last = snapshot.last();
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
                        if (snapshot.processed(group, event)) {
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

    /**
     * How far each read model's processor had got when its tables were copied, segment by segment:
     * a segment may be ahead of another, and the rows it wrote for its own events are in the copy.
     */
    private record LiveSnapshot(Map<String, List<ProcessorSegments.SegmentProgress>> segments) {

        /** Per processor, the sequence up to which all its segments have committed; -1 before the first. */
        Map<String, Long> positions() {
            Map<String, Long> positions = new LinkedHashMap<>();
            segments.forEach((group, ofGroup) -> positions.put(group,
                    ofGroup.stream().mapToLong(segment -> segment.position().index()).min().orElse(-1)));
            return positions;
        }

        long last() {
            return segments.values().stream().flatMap(List::stream)
                    .mapToLong(segment -> segment.position().index()).max().orElse(-1);
        }

        /** Whether the live processor had handled {@code event}: the segment that owns it had passed it. */
        boolean processed(String group, TrackedEventMessage<?> event) {
            List<ProcessorSegments.SegmentProgress> ofGroup = segments.get(group);
            String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            return ofGroup.stream()
                    .filter(segment -> ofGroup.size() == 1 || segment.handlesAggregate(aggregate))
                    .anyMatch(segment -> segment.position().covers(positionOf(event)));
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

    /**
     * Whether the live tables equal a fresh replay, and show what the log says; positions are how
     * far each processor had got.
     */
    public record ConsistencyReport(boolean consistent, Map<String, Long> positions, List<TableComparison> tables,
                                    List<LogComparison> log) {
    }

    /** The log against a read model's per-event table: events compared, events not shown as written, a few of them. */
    public record LogComparison(String table, String processor, long eventsCompared, long eventsDiffering,
                                List<String> examples) {

        public boolean faithful() {
            return eventsDiffering == 0;
        }
    }

    /** One table, live against rebuilt: rows on each side, rows only on one side, and a few of them. */
    public record TableComparison(String table, String processor, long liveRows, long rebuiltRows, long onlyLive,
                                  long onlyRebuilt, List<String> examples) {

        public boolean identical() {
            return onlyLive == 0 && onlyRebuilt == 0;
        }
    }
}
