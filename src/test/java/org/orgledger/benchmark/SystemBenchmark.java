package org.orgledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.orgledger.benchmark.BenchmarkHttp.Response;
import org.orgledger.benchmark.BenchmarkHttp.User;

/**
 * The whole system, measured as its users run it: {@code ./mvnw verify -Pbenchmark}
 * (README, "Benchmark"). For each history size it generates a synthetic history, starts the
 * packaged service ({@code target/orgledger.jar}) on a PostgreSQL of its own, loads the history
 * through {@code POST /api/imports}, and measures imports, writes, as-of queries, the audit
 * endpoints, the rebuild and the start-up, next to what PostgreSQL alone does on the same
 * database. It prints the figures and writes {@code target/benchmark/results.json} and
 * {@code results.md}. It asserts only that it measured the right thing (files accepted,
 * answers of the expected size), never a duration.
 *
 * <p>Options (system properties): {@code benchmark.mode} {@code quick} (default: 10k changes)
 * or {@code full} (10k, 100k, 1M); {@code benchmark.sizes} (e.g. {@code 2000,5000}) overrides
 * the mode's sizes; {@code benchmark.seed}; {@code benchmark.queries}, {@code benchmark.writes},
 * {@code benchmark.proofs}, {@code benchmark.retractions} (samples per measurement);
 * {@code benchmark.importClients} (default 4; 1: no concurrent import);
 * {@code benchmark.serviceJvmArgs} (e.g. {@code -Xmx512m}); {@code benchmark.nodes} (e.g. {@code 1,2,3}: also
 * measure reads and writes with that many service processes on the one database, see {@link NodeScaling}) and
 * {@code benchmark.nodeClients} (default 6: the clients reading from them).
 */
class SystemBenchmark {

    private static final Path OUTPUT = Path.of("target", "benchmark");
    private static final Path JAR = Path.of("target", "orgledger.jar");
    private static final int MAX_CHANGES_PER_FILE = 2_000;

    private final String mode = System.getProperty("benchmark.mode", "quick");
    private final long seed = Long.getLong("benchmark.seed", 20261129L);
    private final int queries = Integer.getInteger("benchmark.queries", 30);
    private final int writes = Integer.getInteger("benchmark.writes", 24);
    private final int proofs = Integer.getInteger("benchmark.proofs", 20);
    private final int retractions = Integer.getInteger("benchmark.retractions", 5);
    private final int importClients = Integer.getInteger("benchmark.importClients", 4);
    private final List<Integer> nodeCounts = Arrays.stream(System.getProperty("benchmark.nodes", "").split(","))
            .map(String::trim).filter(count -> !count.isEmpty()).map(Integer::valueOf).toList();
    private final int nodeClients = Integer.getInteger("benchmark.nodeClients", 6);
    private final Random random = new Random(seed);

    @Test
    void the_system_at_each_history_size() throws Exception {
        assertThat(JAR).as("the packaged service: run through ./mvnw verify -Pbenchmark").exists();
        BenchmarkResults results = new BenchmarkResults(mode, seed);
        Map<String, Object> first = null;
        Map<String, Object> last = null;
        for (int size : sizes()) {
            Map<String, Object> figures = results.size(label(size));
            new SizeRun(results, figures, size).run();
            first = first == null ? figures : first;
            last = figures;
            results.write(OUTPUT);
        }
        datasetOnFirstStart(results, first);
        results.write(OUTPUT);
        if (first != last) {
            results.record(last, "asOf.fixed.p95Ratio", "as-of p95 (fixed answer): this size / the smallest", "x",
                    (Double) last.get("asOf.fixed.p95") / (Double) first.get("asOf.fixed.p95"));
            results.write(OUTPUT);
        }
        System.out.println("[benchmark] figures written to " + OUTPUT.resolve("results.md").toAbsolutePath());
    }

    /** A line the import logs for each file: how long its recording took, and its read models after it. */
    private static final Pattern IMPORTED = Pattern.compile(
            "Imported the file of .* \\((\\d+) changes\\): recorded in (\\d+) ms, read models caught up (\\d+) ms later");

    /**
     * The bundled dataset on a first start, once per run (it does not depend on the history's
     * size; its figures go in the first size's column): a fresh database, the service with the
     * dataset's loading on (it is off everywhere else here). The service answers UP only once it
     * has recorded the dataset; its log says how long each file's recording took.
     */
    private void datasetOnFirstStart(BenchmarkResults results, Map<String, Object> figures) throws Exception {
        Path work = OUTPUT.resolve("work-dataset").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        try (BenchmarkDatabase database = BenchmarkDatabase.start(work.resolve("postgres"))) {
            ServiceProcess service = ServiceProcess.start(JAR.toAbsolutePath(), database, work, "service-dataset",
                    Duration.ofMinutes(5), Map.of("ORGLEDGER_LOAD_DATASET", "true"));
            try {
                long changes = 0;
                long recordingMillis = 0;
                long readModelMillis = 0;
                int files = 0;
                for (String line : Files.readAllLines(work.resolve("service-dataset.log"))) {
                    Matcher imported = IMPORTED.matcher(line);
                    if (imported.find()) {
                        files++;
                        changes += Long.parseLong(imported.group(1));
                        recordingMillis += Long.parseLong(imported.group(2));
                        readModelMillis += Long.parseLong(imported.group(3));
                    }
                }
                assertThat(files).as("the bundled files were imported on the first start").isPositive();
                results.record(figures, "dataset.files", "bundled dataset on a first start: files", "", files);
                results.record(figures, "dataset.changes", "its changes recorded", "", changes);
                results.record(figures, "dataset.recordingSeconds", "its recording, all files", "s",
                        recordingMillis / 1000.0);
                results.record(figures, "dataset.readModelSeconds", "its read models catching up, all files", "s",
                        readModelMillis / 1000.0);
                results.record(figures, "dataset.startupSeconds", "start-up to health UP, recording the dataset", "s",
                        seconds(service.startUp()));
            } finally {
                service.close();
            }
        }
        deleteRecursively(work);
    }

    private List<Integer> sizes() {
        String explicit = System.getProperty("benchmark.sizes", "").trim();
        if (!explicit.isEmpty()) {
            return Arrays.stream(explicit.split(",")).map(String::trim).map(Integer::valueOf).toList();
        }
        return switch (mode) {
            case "quick" -> List.of(10_000);
            case "full" -> List.of(10_000, 100_000, 1_000_000);
            default -> throw new IllegalArgumentException("benchmark.mode is quick or full, not " + mode);
        };
    }

    private static String label(int size) {
        return size >= 1_000_000 && size % 1_000_000 == 0 ? size / 1_000_000 + "M"
                : size >= 1_000 && size % 1_000 == 0 ? size / 1_000 + "k" : String.valueOf(size);
    }

    /** Everything measured at one history size, on a fresh database and service. */
    private final class SizeRun {

        private final BenchmarkResults results;
        private final Map<String, Object> figures;
        private final int size;
        private final Path work;

        SizeRun(BenchmarkResults results, Map<String, Object> figures, int size) {
            this.results = results;
            this.figures = figures;
            this.size = size;
            this.work = OUTPUT.resolve("work-" + label(size)).toAbsolutePath();
        }

        private void record(String key, String label, String unit, Object value) {
            results.record(figures, key, label, unit, value);
        }

        void run() throws Exception {
            record("machine.loadAverageBefore", "load average (1 min) before this size", "", BenchmarkResults.loadAverage());
            long generating = System.nanoTime();
            SyntheticHistory history = HistoryGenerator.generate(seed, size, MAX_CHANGES_PER_FILE);
            record("history.generateSeconds", "generating the history", "s", seconds(System.nanoTime() - generating));
            record("history.files", "bulletin files", "", history.files().size());
            record("history.backDatedFiles", "of which back-dated", "", history.backDatedFiles());
            record("history.units", "units established", "", history.unitsEstablished());
            record("history.years", "years of history", "", history.years());
            deleteRecursively(work);
            Files.createDirectories(work);
            try (BenchmarkDatabase database = BenchmarkDatabase.start(work.resolve("postgres"))) {
                ServiceProcess service = ServiceProcess.start(JAR.toAbsolutePath(), database, work, "service",
                        Duration.ofMinutes(5));
                record("startup.emptySeconds", "start-up to health UP, empty ledger", "s", seconds(service.startUp()));
                int foundingUnits = history.fixedAnswerUnits();
                try {
                    BenchmarkHttp http = service.http();
                    Instant knownAt = load(http, history);
                    retract(http, history);
                    rawInsert(database);
                    asOf(http, history, knownAt);
                    naiveBaseline(database);
                    writeLatency(http, history);
                    audit(http);
                    rebuild(http);
                    foundingUnits += concurrentImport(http);
                    nodeScaling(database, service, history, foundingUnits);
                } finally {
                    service.close();
                }
                record("memory.peakHeapMiB", "peak JVM heap (all but the restart)", "MiB", service.peakHeapMib());
                record("memory.peakRssMiB", "peak resident set of the service", "MiB", service.peakRssMib());
                ServiceProcess restarted = ServiceProcess.start(JAR.toAbsolutePath(), database, work, "service-restart",
                        Duration.ofMinutes(30));
                try {
                    record("startup.loadedSeconds", "start-up to health UP, this ledger", "s", seconds(restarted.startUp()));
                    assertThat(units(restarted.http().get("/api/structure?asOf=" + history.fixedAnswerDate(), User.ANONYMOUS)))
                            .as("the ledger answers as before after a restart").isEqualTo(foundingUnits);
                } finally {
                    restarted.close();
                }
            }
            record("machine.loadAverageAfter", "load average (1 min) after this size", "", BenchmarkResults.loadAverage());
            deleteRecursively(work.resolve("postgres"));
        }

        /** Imports every file in order, one client; answers an instant at which half the history was recorded. */
        private Instant load(BenchmarkHttp http, SyntheticHistory history) {
            HistoryLoader.Load load = new HistoryLoader(http).importInOrder(history);
            record("import.changes", "changes recorded by the import", "", load.changes());
            record("import.seconds", "import through POST /api/imports (1 client)", "s", load.seconds());
            record("import.changesPerSecond", "import throughput", "changes/s", load.changesPerSecond());
            record("import.fileP50", "one file (up to " + MAX_CHANGES_PER_FILE + " changes): p50", "ms", load.perFile().p50());
            record("import.fileP95", "one file: p95", "ms", load.perFile().p95());
            return load.halfway();
        }

        /** The same number of rows, of the events' payload size, by a plain batched insert. */
        private void rawInsert(BenchmarkDatabase database) throws Exception {
            long rows = (Long) figures.get("import.changes");
            DatabaseBaselines.RawInsert raw = new DatabaseBaselines(database).batchedInsert(rows);
            record("raw.payloadBytes", "average event payload", "bytes", raw.payloadBytes());
            record("raw.rowsPerSecond", "plain batched INSERT, as many rows of that size", "rows/s", raw.rowsPerSecond());
            record("import.percentOfRaw", "import throughput / batched insert", "%",
                    100 * (Double) figures.get("import.changesPerSecond") / raw.rowsPerSecond());
        }

        /**
         * Several clients import at once, each the history of another organization (files of one
         * history depend on each other, those of different organizations do not). Last, because
         * it adds units to the ledger; answers how many of them are in force on the fixed date.
         */
        private int concurrentImport(BenchmarkHttp http) throws Exception {
            if (importClients < 2) {
                return 0;
            }
            List<SyntheticHistory> histories = new ArrayList<>();
            for (int organization = 1; organization <= importClients; organization++) {
                histories.add(HistoryGenerator.generate(seed + organization, Math.max(600, size / 20 / importClients),
                        MAX_CHANGES_PER_FILE, organization));
            }
            HistoryLoader.Load load = new HistoryLoader(http).importConcurrently(histories);
            record("import.concurrent.clients", "import by several clients, one organization each: clients", "", importClients);
            record("import.concurrent.changes", "changes they recorded", "", load.changes());
            record("import.concurrent.changesPerSecond", "their import throughput, all together", "changes/s",
                    load.changesPerSecond());
            return histories.stream().mapToInt(SyntheticHistory::fixedAnswerUnits).sum();
        }

        /** A few corrections through the API: retract renamings the history recorded. */
        private void retract(BenchmarkHttp http, SyntheticHistory history) {
            List<Long> latencies = new HistoryLoader(http).retract(
                    history.renames().subList(0, Math.min(retractions, history.renames().size())));
            record("retract.count", "retractions through HTTP", "", latencies.size());
            record("retract.p50", "one retraction: p50", "ms", Latencies.ofNanos(latencies).p50());
        }

        private void asOf(BenchmarkHttp http, SyntheticHistory history, Instant knownAt) {
            String fixed = "/api/structure?asOf=" + history.fixedAnswerDate();
            record("asOf.fixed.units", "as-of answer, fixed size: units", "", history.fixedAnswerUnits());
            Latencies now = queryLatencies(http, fixed, history.fixedAnswerUnits(), queries);
            record("asOf.fixed.p50", "as-of query, fixed answer: p50", "ms", now.p50());
            record("asOf.fixed.p95", "as-of query, fixed answer: p95", "ms", now.p95());
            Latencies past = queryLatencies(http, fixed + "&knownAt=" + knownAt, history.fixedAnswerUnits(), queries);
            record("asOf.fixedKnownAt.p50", "the same with a past knownAt: p50", "ms", past.p50());
            record("asOf.fixedKnownAt.p95", "the same with a past knownAt: p95", "ms", past.p95());
            String large = "/api/structure?asOf=" + history.largeAnswerDate();
            record("asOf.large.units", "as-of answer, large: units", "", history.largeAnswerUnits());
            Latencies all = queryLatencies(http, large, history.largeAnswerUnits(), Math.max(3, queries / 3));
            record("asOf.large.p50", "as-of query, large answer: p50", "ms", all.p50());
            record("asOf.large.p95", "as-of query, large answer: p95", "ms", all.p95());
        }

        private Latencies queryLatencies(BenchmarkHttp http, String path, int expectedUnits, int count) {
            assertThat(units(http.get(path, User.ANONYMOUS))).as(path).isEqualTo(expectedUnits); // also warms up
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                latencies.add(http.get(path, User.ANONYMOUS).expect(200, path).nanos());
            }
            return Latencies.ofNanos(latencies);
        }

        /** What a fold over the log must at least do: read every event once. */
        private void naiveBaseline(BenchmarkDatabase database) throws Exception {
            double millis = new DatabaseBaselines(database).streamEveryEventMillis();
            record("naive.streamMillis", "naive baseline: stream every event (JDBC)", "ms", millis);
            record("naive.overAsOfP50", "naive baseline / as-of p50 (fixed answer)", "x",
                    millis / (Double) figures.get("asOf.fixed.p50"));
        }

        /** Renamings of distinct generated units, citing an instrument recorded for the purpose. */
        private void writeLatency(BenchmarkHttp http, SyntheticHistory history) throws Exception {
            int year = history.largeAnswerDate().getYear() + 1;
            String symbol = "ST/SGB/" + year + "/900";
            http.postJson("/api/instruments", User.REGISTRAR, Map.of("symbol", symbol, "kind", "BULLETIN",
                    "title", Map.of("en", "Benchmark renamings"), "issuedOn", year + "-01-01",
                    "effectiveFrom", year + "-01-01")).expect(201, "instrument " + symbol);
            List<String> units = new ArrayList<>(history.liveAtEnd());
            Collections.shuffle(units, random);
            int perRun = Math.max(8, Math.min(writes, (units.size() - 4) / 2));
            RenameWriter writer = new RenameWriter(http, symbol, LocalDate.of(year, 6, 1));
            writer.rename(units.subList(0, 3), 1); // warm-up, not measured
            RenameWriter.Run single = writer.rename(units.subList(3, 3 + perRun), 1);
            record("write.1.p50", "one command (rename) through HTTP, 1 client: p50", "ms", single.latencies().p50());
            record("write.1.p95", "one command, 1 client: p95", "ms", single.latencies().p95());
            record("write.1.perSecond", "commands/s, 1 client", "commands/s", single.perSecond());
            RenameWriter.Run eight = writer.rename(units.subList(3 + perRun, 3 + 2 * perRun), 8);
            record("write.8.p50", "one command, 8 clients: p50", "ms", eight.latencies().p50());
            record("write.8.p95", "one command, 8 clients: p95", "ms", eight.latencies().p95());
            record("write.8.perSecond", "commands/s, 8 clients", "commands/s", eight.perSecond());
        }

        /**
         * With {@code benchmark.nodes}: reads and writes with 1, 2, 3... service processes on this
         * database, each as a ratio to the first count's figure. Last, after everything else.
         */
        private void nodeScaling(BenchmarkDatabase database, ServiceProcess service, SyntheticHistory history,
                                 int fixedAnswerUnits) throws Exception {
            if (nodeCounts.isEmpty()) {
                return;
            }
            List<String> units = new ArrayList<>(history.liveAtEnd());
            Collections.reverse(units); // the writes above renamed a random few; these are renamed again, later
            int perStep = Math.min(writes, units.size() / nodeCounts.size());
            record("nodes.loadAverageBefore", "load average (1 min) before the node counts", "",
                    BenchmarkResults.loadAverage());
            record("nodes.clients", "node counts: reading clients (as-of, fixed answer)", "", nodeClients);
            List<NodeScaling.Step> steps = new NodeScaling(JAR.toAbsolutePath(), database, work, nodeClients, queries,
                    perStep).measure(nodeCounts, service, "/api/structure?asOf=" + history.fixedAnswerDate(),
                    fixedAnswerUnits, units, history.largeAnswerDate().getYear() + 2);
            NodeScaling.Step one = steps.get(0);
            for (NodeScaling.Step step : steps) {
                String key = "nodes." + step.nodes() + ".";
                String nodes = step.nodes() + (step.nodes() == 1 ? " node" : " nodes");
                record(key + "readsPerSecond", nodes + ": as-of queries/s, all clients", "queries/s", step.readsPerSecond());
                record(key + "readRatio", nodes + ": queries/s / with " + one.nodes(), "x",
                        step.readsPerSecond() / one.readsPerSecond());
                record(key + "writeP50", nodes + ": one command, to each node in turn: p50", "ms", step.writes().p50());
                record(key + "writeP95", nodes + ": one command: p95", "ms", step.writes().p95());
                record(key + "writeP50Ratio", nodes + ": command p50 / with " + one.nodes(), "x",
                        step.writes().p50() / one.writes().p50());
                record(key + "writeP95Ratio", nodes + ": command p95 / with " + one.nodes(), "x",
                        step.writes().p95() / one.writes().p95());
            }
            record("nodes.loadAverageAfter", "load average (1 min) after the node counts", "", BenchmarkResults.loadAverage());
        }

        private void audit(BenchmarkHttp http) {
            Response verify = http.get("/api/audit/verify", User.AUDITOR).expect(200, "audit verify");
            assertThat(verify.json().get("valid").asBoolean()).as("the hash chain verifies").isTrue();
            long events = verify.json().get("eventsChecked").asLong();
            record("audit.events", "events in the ledger", "", events);
            record("audit.verifySeconds", "GET /api/audit/verify (" + "whole chain)", "s", seconds(verify.nanos()));
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < proofs; i++) {
                long sequence = 1 + (long) (random.nextDouble() * events);
                latencies.add(http.get("/api/audit/proof?sequence=" + sequence, User.AUDITOR)
                        .expect(200, "proof of " + sequence).nanos());
            }
            Latencies proof = Latencies.ofNanos(latencies);
            record("audit.proofP50", "GET /api/audit/proof: p50", "ms", proof.p50());
            record("audit.proofP95", "GET /api/audit/proof: p95", "ms", proof.p95());
        }

        private void rebuild(BenchmarkHttp http) {
            Response check = http.get("/actuator/rebuild", User.REGISTRAR).expect(200, "consistency check");
            assertThat(check.json().get("consistent").asBoolean()).as("read models consistent: %s", check.body()).isTrue();
            record("rebuild.checkSeconds", "consistency check (GET /actuator/rebuild)", "s", seconds(check.nanos()));
            Response rebuild = http.post("/actuator/rebuild", User.REGISTRAR, "application/json", new byte[0]);
            assertThat(rebuild.status()).as("rebuild: %s", rebuild.body()).isBetween(200, 204);
            long events = (Long) figures.get("audit.events");
            record("rebuild.seconds", "rebuild of every read model (POST /actuator/rebuild)", "s", seconds(rebuild.nanos()));
            record("rebuild.eventsPerSecond", "rebuild throughput", "events/s", events / seconds(rebuild.nanos()));
        }
    }

    static int units(Response structure) {
        return structure.expect(200, "structure").json().get("units").size();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double seconds(Duration duration) {
        return seconds(duration.toNanos());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
