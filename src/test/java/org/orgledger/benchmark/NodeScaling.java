package org.orgledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orgledger.benchmark.BenchmarkHttp.User;

/**
 * Several service processes on the one database (issue 14, decision 0013): with 1, 2 and 3 nodes,
 * the as-of query throughput of several clients spread over the nodes, and the latency of one
 * command sent to each node in turn. The first node is the service the rest of the benchmark
 * measured; the others are started on its ledger, one per step, and stopped at the end.
 */
final class NodeScaling {

    /** What was measured with {@code nodes} nodes. */
    record Step(int nodes, double readsPerSecond, Latencies writes) {
    }

    private final Path jar;
    private final BenchmarkDatabase database;
    private final Path work;
    private final int clients;
    private final int queriesPerClient;
    private final int writes;

    NodeScaling(Path jar, BenchmarkDatabase database, Path work, int clients, int queriesPerClient, int writes) {
        this.jar = jar;
        this.database = database;
        this.work = work;
        this.clients = clients;
        this.queriesPerClient = queriesPerClient;
        this.writes = writes;
    }

    /**
     * @param readPath      the as-of query every client repeats
     * @param expectedUnits how many units its answer lists (checked once on each node)
     * @param units         units in force that may be renamed, at least {@code writes} per step
     * @param year          a year after the history: the renamings' instrument and dates
     */
    List<Step> measure(List<Integer> counts, ServiceProcess first, String readPath, int expectedUnits,
                       List<String> units, int year) throws Exception {
        List<ServiceProcess> nodes = new ArrayList<>(List.of(first));
        List<ServiceProcess> started = new ArrayList<>();
        String symbol = "ST/SGB/" + year + "/901";
        first.http().postJson("/api/instruments", User.REGISTRAR, Map.of("symbol", symbol, "kind", "BULLETIN",
                "title", Map.of("en", "Benchmark renamings on several nodes"), "issuedOn", year + "-01-01",
                "effectiveFrom", year + "-01-01")).expect(201, "instrument " + symbol);
        List<Step> steps = new ArrayList<>();
        try {
            for (int count : counts) {
                while (nodes.size() < count) {
                    ServiceProcess node = ServiceProcess.start(jar, database, work, "node-" + (nodes.size() + 1),
                            Duration.ofMinutes(5));
                    started.add(node);
                    nodes.add(node);
                }
                List<BenchmarkHttp> https = nodes.subList(0, count).stream().map(ServiceProcess::http).toList();
                for (BenchmarkHttp http : https) {
                    assertThat(SystemBenchmark.units(http.get(readPath, User.ANONYMOUS))).as(readPath).isEqualTo(expectedUnits);
                    for (int warmUp = 0; warmUp < 10; warmUp++) {
                        http.get(readPath, User.ANONYMOUS).expect(200, readPath);
                    }
                }
                int offset = steps.size() * writes;
                steps.add(new Step(count, readThroughput(https, readPath),
                        writeLatency(https, units.subList(offset, offset + writes), symbol, year, count)));
            }
        } finally {
            for (ServiceProcess node : started) {
                node.close();
            }
        }
        return steps;
    }

    /** {@code clients} clients, each sending its queries to the nodes in turn (client i starts at node i). */
    private double readThroughput(List<BenchmarkHttp> nodes, String path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                work.add(pool.submit(() -> {
                    for (int query = 0; query < queriesPerClient; query++) {
                        nodes.get((first + query) % nodes.size()).get(path, User.ANONYMOUS).expect(200, path);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return clients * queriesPerClient / ((System.nanoTime() - started) / 1e9);
    }

    /** One client, one command at a time, each to the next node: renamings of distinct units. */
    private Latencies writeLatency(List<BenchmarkHttp> nodes, List<String> units, String symbol, int year, int count) {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            BenchmarkHttp.Response response = nodes.get(i % nodes.size()).postJson("/api/units/rename/" + unit,
                    User.REGISTRAR, Map.of("name", Map.of("en", "Renamed with " + count + " nodes"),
                            "effectiveFrom", year + "-06-01", "authority", Map.of("instrument", symbol, "provision", "1")));
            assertThat(response.status()).as("rename of %s: %s", unit, response.body()).isBetween(200, 299);
            latencies.add(response.nanos());
        }
        return Latencies.ofNanos(latencies);
    }
}
