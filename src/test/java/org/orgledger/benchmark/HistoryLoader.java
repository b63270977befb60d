package org.orgledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.orgledger.benchmark.BenchmarkHttp.Response;
import org.orgledger.benchmark.BenchmarkHttp.User;
import org.orgledger.benchmark.SyntheticHistory.BulletinFileBytes;
import org.orgledger.benchmark.SyntheticHistory.RenameSample;

/** Records generated histories through the product's own write paths: imports and retractions. */
final class HistoryLoader {

    /**
     * @param changes  changes (events) the ledger recorded
     * @param halfway  an instant after half the files were recorded (a past {@code knownAt})
     */
    record Load(long changes, double seconds, Latencies perFile, Instant halfway) {

        double changesPerSecond() {
            return changes / seconds;
        }
    }

    private final BenchmarkHttp http;

    HistoryLoader(BenchmarkHttp http) {
        this.http = http;
    }

    /** One client, file after file, in the order the history must be recorded. */
    Load importInOrder(SyntheticHistory history) {
        List<Long> latencies = new ArrayList<>();
        long recorded = 0;
        Instant halfway = null;
        long started = System.nanoTime();
        for (int i = 0; i < history.files().size(); i++) {
            Response response = importFile(history.files().get(i));
            recorded += response.json().get("sequences").size();
            latencies.add(response.nanos());
            if (halfway == null && i >= history.files().size() / 2) {
                halfway = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            }
        }
        return new Load(recorded, (System.nanoTime() - started) / 1e9, Latencies.ofNanos(latencies), halfway);
    }

    /** One client per history, all at once: the files of different organizations do not depend on each other. */
    Load importConcurrently(List<SyntheticHistory> histories) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(histories.size());
        long started = System.nanoTime();
        long recorded = 0;
        try {
            List<Future<Load>> loads = new ArrayList<>();
            for (SyntheticHistory history : histories) {
                loads.add(clients.submit(() -> importInOrder(history)));
            }
            for (Future<Load> load : loads) {
                recorded += load.get().changes();
            }
        } finally {
            clients.shutdown();
        }
        return new Load(recorded, (System.nanoTime() - started) / 1e9, Latencies.ofNanos(List.of()), null);
    }

    /** Retracts renamings the history recorded, as a registrar corrects an error; answers each one's duration. */
    List<Long> retract(List<RenameSample> renamings) {
        List<Long> latencies = new ArrayList<>();
        for (RenameSample sample : renamings) {
            JsonNode changes = http.get("/api/units/" + sample.unitId() + "/history", User.ANONYMOUS)
                    .expect(200, "history of " + sample.unitId()).json().get("changes");
            for (JsonNode change : changes) {
                if (change.get("type").asText().equals("UnitRenamed") && !change.path("retracted").asBoolean()
                        && change.get("effectiveFrom").asText().equals(sample.effectiveFrom().toString())) {
                    Response response = http.postJson("/api/units/retract/" + sample.unitId(), User.REGISTRAR, Map.of(
                            "sequence", change.get("sequence").asLong(),
                            "reason", "Benchmark: a renaming recorded in error",
                            "authority", Map.of("instrument", sample.instrument(), "provision", "1")));
                    if (response.status() / 100 != 2) {
                        throw new IllegalStateException("retraction refused: " + response.status() + " " + response.body());
                    }
                    latencies.add(response.nanos());
                    break;
                }
            }
        }
        return latencies;
    }

    private Response importFile(BulletinFileBytes file) {
        return http.post("/api/imports", User.REGISTRAR, "application/yaml", file.yaml()).expect(201, "import of " + file.name());
    }
}
