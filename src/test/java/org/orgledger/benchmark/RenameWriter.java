package org.orgledger.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orgledger.benchmark.BenchmarkHttp.User;

/** One command at a time per client: renamings of distinct units, each measured end to end. */
final class RenameWriter {

    record Run(Latencies latencies, double perSecond) {
    }

    private final BenchmarkHttp http;
    private final String instrument;
    private final LocalDate effectiveFrom;

    RenameWriter(BenchmarkHttp http, String instrument, LocalDate effectiveFrom) {
        this.http = http;
        this.instrument = instrument;
        this.effectiveFrom = effectiveFrom;
    }

    /** Renames each unit once, spread over {@code clients} concurrent clients. */
    Run rename(List<String> units, int clients) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                List<String> mine = new ArrayList<>();
                for (int i = client; i < units.size(); i += clients) {
                    mine.add(units.get(i));
                }
                work.add(pool.submit(() -> mine.forEach(unit -> latencies.add(renameOnce(unit)))));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(Latencies.ofNanos(latencies), units.size() / seconds);
    }

    private long renameOnce(String unit) {
        BenchmarkHttp.Response response = http.postJson("/api/units/rename/" + unit, User.REGISTRAR, Map.of(
                "name", Map.of("en", "Renamed by the benchmark"),
                "effectiveFrom", effectiveFrom.toString(),
                "authority", Map.of("instrument", instrument, "provision", "1")));
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("rename of " + unit + ": " + response.status() + " " + response.body());
        }
        return response.nanos();
    }
}
