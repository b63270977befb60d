package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.TestProfiles;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Three nodes, each the built jar in a process of its own, on one PostgreSQL database
 * ({@link SharedPostgres}), started at the same moment on an empty ledger: writers and readers
 * spread over the nodes (each establishment and renaming sent with an Idempotency-Key, and sent
 * again to another node when its node does not answer); one node is killed (SIGKILL) in the
 * middle and started again. Then every acknowledged command is in the log exactly once, the
 * bundled dataset was loaded once, the chain verifies on every node with one signing key and no
 * fork of the tree heads, every node answers reads the same, the killed node's segments passed to
 * the others within the claim timeout, and the read models are consistent with the log, also
 * after a rebuild sent to a node that held none of their segments.
 */
@Timeout(1800)
class MultiNodeIT {

    private static final int NODES = 3;
    private static final int WRITERS = 4;
    private static final int READERS = 2;
    private static final int VICTIM = 1;
    private static final String BASE = "MULTI/BASE/1";
    /** Kept short here so the test is; the defaults (10 s, 5 s) are in application.yml. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(4);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    private static final String[] READ_MODELS = {"structure", "change-log", "instrument-query"};

    @TempDir
    Path work;

    /** A command a node acknowledged (perhaps a retry with the key of an attempt that had committed), and where. */
    record Acknowledged(String unitId, List<Long> sequences, int node, boolean visible) {
    }

    @Test
    void three_nodes_on_one_database_serve_reads_and_writes_and_survive_the_death_of_one() throws Exception {
        assumeTrue(TestProfiles.active().length == 1,
                "chooses its own database; the external pass of .ci/run would only repeat it");
        try (SharedPostgres database = SharedPostgres.open(work)) {
            System.out.println("MultiNodeIT on " + database.description());
            Map<String, String> environment = environment(database);
            AtomicReferenceArray<ServiceProcess> nodes = new AtomicReferenceArray<>(NODES);
            try {
                startTogether(nodes, environment);
                awaitDatasetLoaded(database);
                ServiceProcess.Answer base = nodes.get(0).send("POST", "/api/instruments", "registrar",
                        "application/json", """
                        {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Multi-node base"},
                         "issuedOn": "2001-01-01", "effectiveFrom": "2001-01-01"}""".formatted(BASE));
                assertThat(base.status()).as(base.body()).isEqualTo(201);

                Load load = new Load(nodes);
                load.start();
                load.awaitAcknowledged(20);
                long victimPid = nodes.get(VICTIM).pid();
                nodes.get(VICTIM).kill(false);
                long killedAt = System.nanoTime();
                Duration takeover = awaitSegmentsLeave(database, victimPid);
                System.out.println("MultiNodeIT: the killed node's segments were claimed by others after " + takeover);
                assertThat(takeover).as("segments pass to live nodes within claim timeout + claim interval (+ slack)")
                        .isLessThan(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(15));
                int beforeRestart = load.acknowledged.size();
                nodes.set(VICTIM, ServiceProcess.start(environment, work.resolve("node-" + VICTIM + ".log")));
                System.out.println("MultiNodeIT: node " + VICTIM + " back after "
                        + Duration.ofNanos(System.nanoTime() - killedAt));
                load.awaitAcknowledged(beforeRestart + 20);
                load.stop();

                assertThat(load.reads.get()).as("reads answered").isGreaterThan(0);
                assertThat(load.failedOver.get()).as("writes sent to the dead node, retried on another").isGreaterThan(0);
                assertThat(load.acknowledgedOn(VICTIM, true)).as("writes acknowledged by the restarted node").isTrue();
                checkLedger(database, nodes, new ArrayList<>(load.acknowledged), new ArrayList<>(load.renames));
                checkMaintenance(database, nodes);
            } catch (Throwable failure) {
                printLogTails(nodes);
                throw failure;
            } finally {
                for (int i = 0; i < NODES; i++) {
                    if (nodes.get(i) != null) {
                        nodes.get(i).close();
                    }
                }
            }
        }
    }

    private Map<String, String> environment(SharedPostgres database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "external");
        environment.put("ORGLEDGER_DB_URL", database.jdbcUrl());
        environment.put("ORGLEDGER_DB_USER", database.user());
        environment.put("ORGLEDGER_DB_PASSWORD", "");
        environment.put("ORGLEDGER_REGISTRAR_PASSWORD", "registrar");
        environment.put("ORGLEDGER_AUDITOR_PASSWORD", "auditor");
        // one key file for all nodes, created by whichever starts first
        environment.put("ORGLEDGER_SIGNING_KEY", work.resolve("keys/signing-key.pem").toString());
        environment.put("ORGLEDGER_CREATE_SIGNING_KEY", "true");
        environment.put("ORGLEDGER_LOAD_DATASET", "true");
        environment.put("ORGLEDGER_READ_MODEL_SEGMENTS", "2");
        environment.put("ORGLEDGER_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s");
        environment.put("ORGLEDGER_CLAIM_INTERVAL_MS", String.valueOf(CLAIM_INTERVAL.toMillis()));
        return environment;
    }

    /** All nodes at the same moment, on the empty ledger: the dataset load and the key's creation race. */
    private void startTogether(AtomicReferenceArray<ServiceProcess> nodes, Map<String, String> environment)
            throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<ServiceProcess>> started = new ArrayList<>();
            for (int i = 0; i < NODES; i++) {
                Path log = work.resolve("node-" + i + ".log");
                started.add(starters.submit(() -> ServiceProcess.start(environment, log)));
            }
            for (int i = 0; i < NODES; i++) {
                nodes.set(i, started.get(i).get());
            }
        } finally {
            starters.shutdownNow();
        }
    }

    private static void awaitDatasetLoaded(SharedPostgres database) throws Exception {
        int files = new PathMatchingResourcePatternResolver().getResources("classpath:dataset/*.yaml").length;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (promulgations(database) < files && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(promulgations(database)).as("the dataset's bulletins recorded").isGreaterThanOrEqualTo(files);
    }

    private static long promulgations(SharedPostgres database) throws SQLException {
        return count(database, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.BulletinPromulgated'");
    }

    /** Waits until no read-model segment is claimed by the dead node; returns how long that took. */
    private static Duration awaitSegmentsLeave(SharedPostgres database, long deadPid) throws Exception {
        long from = System.nanoTime();
        long deadline = from + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            long held = count(database, "SELECT count(*) FROM token_entry WHERE owner LIKE '" + deadPid + "@%'");
            long unowned = count(database, "SELECT count(*) FROM token_entry WHERE owner IS NULL"
                    + " AND processor_name IN ('structure', 'change-log', 'instrument-query', 'supersession')");
            if (held == 0 && unowned == 0) {
                return Duration.ofNanos(System.nanoTime() - from);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the dead node's segments were never taken over: " + owners(database));
    }

    /**
     * Writers establish units, one after another, each on the next node in turn; a node that does
     * not answer (it died) gets the same command again on another node. Readers read the structure
     * from any node. After each acknowledged command the writer reads the unit's history from
     * another node: read-your-writes across nodes.
     */
    private static final class Load {

        final AtomicReferenceArray<ServiceProcess> nodes;
        final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Acknowledged> renames = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger failedOver = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService clients = Executors.newFixedThreadPool(WRITERS + READERS);
        final List<Future<?>> tasks = new ArrayList<>();

        Load(AtomicReferenceArray<ServiceProcess> nodes) {
            this.nodes = nodes;
        }

        void start() {
            for (int writer = 0; writer < WRITERS; writer++) {
                int w = writer;
                tasks.add(clients.submit(() -> guarded(() -> write(w))));
            }
            for (int reader = 0; reader < READERS; reader++) {
                int r = reader;
                tasks.add(clients.submit(() -> guarded(() -> read(r))));
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (acknowledged.size() < count && failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(failures).as("the load's clients").isEmpty();
            assertThat(acknowledged.size()).as("acknowledged commands").isGreaterThanOrEqualTo(count);
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> task : tasks) {
                task.get();
            }
            clients.shutdownNow();
            assertThat(failures).as("the load's clients").isEmpty();
        }

        boolean acknowledgedOn(int node, boolean visible) {
            return acknowledged.stream().anyMatch(command -> command.node() == node && command.visible() == visible);
        }

        private void guarded(ThrowingRunnable body) {
            try {
                body.run();
            } catch (Throwable failed) {
                failures.add(failed);
            }
        }

        private void write(int writer) throws Exception {
            for (int n = 0; running.get(); n++) {
                String unitId = "mn-" + writer + "-" + n;
                Acknowledged established = record(writer, n, unitId, 201, "/api/units", """
                        {"id": "%s", "kind": "OFFICE", "name": {"en": "Office %s"},
                         "effectiveFrom": "2001-01-01", "authority": {"instrument": "%s", "provision": "1"}}"""
                        .formatted(unitId, unitId, BASE));
                acknowledged.add(established);
                if (established.visible()) {
                    readOwnWriteElsewhere(established, 1);
                }
                // with the key, a retry on another node is answered with the first attempt's receipt
                Acknowledged renamed = record(writer, n + 1, unitId, 200, "/api/units/rename/" + unitId, """
                        {"name": {"en": "Office %s, renamed"}, "effectiveFrom": "2001-03-01",
                         "authority": {"instrument": "%s", "provision": "2"}}""".formatted(unitId, BASE));
                renames.add(renamed);
                if (renamed.visible()) {
                    readOwnWriteElsewhere(renamed, 2);
                }
            }
        }

        /**
         * Sends the command to the writer's next node, with an Idempotency-Key; a node that does not
         * answer (it died) gets it again on another node with the same key.
         */
        private Acknowledged record(int writer, int n, String unitId, int created, String path, String body)
                throws Exception {
            Map<String, String> key = Map.of("Idempotency-Key", "mn-" + path.hashCode() + "-" + unitId);
            for (int attempt = 0; ; attempt++) {
                assertThat(attempt).as("attempts at " + path).isLessThan(3 * NODES);
                int node = (writer + n + attempt) % NODES;
                ServiceProcess.Answer answer;
                try {
                    answer = nodes.get(node).send("POST", path, "registrar", "application/json", body, key);
                } catch (IOException deadNode) {
                    failedOver.incrementAndGet();
                    continue;
                }
                assertThat(answer.status()).as("POST " + path + " on node " + node + " (attempt " + attempt + "): "
                        + answer.body()).isEqualTo(created);
                List<Long> sequences = new ArrayList<>();
                answer.json().path("sequences").forEach(sequence -> sequences.add(sequence.asLong()));
                assertThat(sequences).as(answer.body()).isNotEmpty();
                return new Acknowledged(unitId, sequences, node, answer.json().path("visible").asBoolean(true));
            }
        }

        /** The unit's history from the next live node: it shows the change just acknowledged. */
        private void readOwnWriteElsewhere(Acknowledged done, int changes) throws Exception {
            for (int step = 1; step < NODES; step++) {
                int node = (done.node() + step) % NODES;
                ServiceProcess.Answer answer;
                try {
                    answer = nodes.get(node).send("GET", "/api/units/" + done.unitId() + "/history", null, null, null);
                } catch (IOException deadNode) {
                    continue;
                }
                assertThat(answer.status()).as("node " + node + " reads " + done.unitId() + " acknowledged by node "
                        + done.node() + ": " + answer.body()).isEqualTo(200);
                assertThat(answer.json().path("changes").size()).as(answer.body()).isEqualTo(changes);
                return;
            }
        }

        private void read(int reader) throws Exception {
            for (int n = 0; running.get(); n++) {
                int node = (reader + n) % NODES;
                try {
                    ServiceProcess.Answer answer = nodes.get(node).send("GET", "/api/structure?asOf=2001-06-01", null,
                            null, null);
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    reads.incrementAndGet();
                } catch (IOException deadNode) {
                    Thread.sleep(50);
                }
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void checkLedger(SharedPostgres database, AtomicReferenceArray<ServiceProcess> nodes,
                                    List<Acknowledged> acknowledged, List<Acknowledged> renames) throws Exception {
        System.out.println("MultiNodeIT: " + acknowledged.size() + " establishments and " + renames.size()
                + " renamings acknowledged");
        try (Connection connection = database.connect()) {
            for (Acknowledged command : renames) {
                assertThat(eventsOf(connection, command.unitId(), "UnitRenamed")).as("renamings of " + command)
                        .isEqualTo(1);
                for (long sequence : command.sequences()) {
                    assertThat(aggregateAt(connection, sequence)).as("event " + sequence + " of " + command)
                            .isEqualTo(command.unitId());
                }
            }
            for (Acknowledged command : acknowledged) {
                assertThat(eventsOf(connection, command.unitId(), "UnitEstablished")).as("establishments of " + command)
                        .isEqualTo(1);
                for (long sequence : command.sequences()) {
                    assertThat(aggregateAt(connection, sequence)).as("event " + sequence + " of " + command)
                            .isEqualTo(command.unitId());
                }
            }
        }
        int files = new PathMatchingResourcePatternResolver().getResources("classpath:dataset/*.yaml").length;
        // each of the dataset's bulletins once, however many nodes started together, and the test's own base
        assertThat(promulgations(database)).as("the dataset, loaded once by three nodes starting together")
                .isEqualTo(files + 1);
        assertThat(count(database, "SELECT count(*) FROM ledger_signing_key")).as("signing keys").isEqualTo(1);
        long events = count(database, "SELECT count(*) FROM domain_event_entry");
        assertThat(count(database, "SELECT count(*) FROM ledger_hash")).as("every event hashed once").isEqualTo(events);
        assertThat(count(database, "SELECT max(tree_size) FROM ledger_tree_head")).as("the newest head covers all")
                .isEqualTo(events);

        String structure = null;
        String instruments = null;
        // one instant for every node: an answer names the knownAt it was read at
        String asKnownNow = "/api/structure?asOf=2001-06-01&knownAt=" + Instant.now();
        for (int i = 0; i < NODES; i++) {
            ServiceProcess node = nodes.get(i);
            JsonNode verify = node.get("/api/audit/verify", "auditor");
            assertThat(verify.path("valid").asBoolean()).as("node " + i + ": " + verify).isTrue();
            assertThat(verify.path("eventsChecked").asLong()).as("node " + i).isEqualTo(events);
            String nodeStructure = node.get(asKnownNow, null).toString();
            String nodeInstruments = node.get("/api/instruments", null).toString();
            if (structure == null) {
                structure = nodeStructure;
                instruments = nodeInstruments;
            }
            assertThat(nodeStructure).as("node " + i + "'s structure").isEqualTo(structure);
            assertThat(nodeInstruments).as("node " + i + "'s instruments").isEqualTo(instruments);
        }
        String shown = nodes.get(0).get("/api/structure?asOf=2001-06-01", null).path("units").toString();
        for (Acknowledged command : acknowledged) {
            assertThat(shown).as("the structure shows " + command).contains("\"" + command.unitId() + "\"");
        }
    }

    /**
     * The consistency check runs on any node. A rebuild sent to a node that holds no segment takes
     * them all from the others, resets and replays; meanwhile a check on another node is refused
     * with a problem; afterwards the read models are consistent again.
     */
    private static void checkMaintenance(SharedPostgres database, AtomicReferenceArray<ServiceProcess> nodes)
            throws Exception {
        JsonNode check = nodes.get(2).get("/actuator/rebuild", "auditor");
        assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();

        System.out.println("MultiNodeIT: segments before the rebuild: " + owners(database));
        ExecutorService rebuilding = Executors.newSingleThreadExecutor();
        try {
            long rebuildStarted = System.nanoTime();
            // the service's own bound is orgledger.read-models.rebuild-timeout (10 min); with three
            // nodes on two cores, the wait for the others' segments and the replay take a while
            Future<ServiceProcess.Answer> rebuild = rebuilding.submit(() -> nodes.get(VICTIM).send(
                    "POST", "/actuator/rebuild", "registrar", null, null, Map.of(), Duration.ofMinutes(10)));
            awaitMaintenanceLock(database);
            ServiceProcess.Answer refused = nodes.get(0).send("GET", "/actuator/rebuild", "auditor", null, null);
            assertThat(refused.status()).as("a check while node " + VICTIM + " rebuilds: " + refused.body())
                    .isEqualTo(409);
            assertThat(refused.json().path("code").asText()).isEqualTo("READ_MODEL_MAINTENANCE_BUSY");
            ServiceProcess.Answer rebuilt = rebuild.get();
            System.out.println("MultiNodeIT: the rebuild answered after "
                    + Duration.ofNanos(System.nanoTime() - rebuildStarted) + ": " + rebuilt.body());
            assertThat(rebuilt.status()).as("rebuild on node " + VICTIM + ": " + rebuilt.body()).isEqualTo(200);
            assertThat(rebuilt.json().path("caughtUp").asBoolean()).as(rebuilt.body()).isTrue();
        } finally {
            rebuilding.shutdownNow();
        }
        System.out.println("MultiNodeIT: segments after the rebuild: " + owners(database));
        JsonNode after = nodes.get(0).get("/actuator/rebuild", "auditor");
        assertThat(after.path("consistent").asBoolean()).as(after.toString()).isTrue();
        String asKnownNow = "/api/structure?asOf=2001-06-01&knownAt=" + Instant.now();
        assertThat(nodes.get(2).get(asKnownNow, null)).isEqualTo(nodes.get(0).get(asKnownNow, null));
    }

    /** What each node wrote last, so that a failure in CI can be read from the build's output. */
    private static void printLogTails(AtomicReferenceArray<ServiceProcess> nodes) {
        for (int i = 0; i < NODES; i++) {
            ServiceProcess node = nodes.get(i);
            if (node != null) {
                String name = "node " + i;
                System.out.println("MultiNodeIT: the last lines of " + name + "'s log:");
                node.lastLines(40).forEach(line -> System.out.println("  " + name + " | " + line));
            }
        }
    }

    /** Until some node holds the read-model maintenance lock (pg_locks shows a bigint key as classid, objid). */
    private static void awaitMaintenanceLock(SharedPostgres database) throws Exception {
        long key = 0x4f4c72646d646c21L;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (count(database, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = "
                    + (key >>> 32) + " AND objid = " + (key & 0xffffffffL) + " AND objsubid = 1") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the rebuild never took its lock");
    }

    private static Map<String, String> owners(SharedPostgres database) throws SQLException {
        Map<String, String> owners = new HashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT processor_name, segment, owner FROM token_entry WHERE processor_name = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("text", READ_MODELS));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getString(1) + "/" + rows.getInt(2), rows.getString(3));
                }
            }
        }
        return owners;
    }

    private static long eventsOf(Connection connection, String unitId, String type) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE ?")) {
            statement.setString(1, unitId);
            statement.setString(2, "%." + type);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String aggregateAt(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static long count(SharedPostgres database, String sql) throws SQLException {
        try (Connection connection = database.connect();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
