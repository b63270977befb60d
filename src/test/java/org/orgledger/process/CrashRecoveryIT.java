package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.TestProfiles;

/**
 * Fault injection: the real jar on the embedded default is killed with SIGKILL at random
 * (seeded) moments while it imports a bulletin file and, at the same time, records single
 * commands from several clients; it is restarted each time with no help. After every restart:
 * every acknowledged command is in the log with its sequences, every import is all or nothing
 * (and all when it was acknowledged), the hash chain verifies, and the read models are
 * consistent with the log. Seed: {@code -Dorgledger.crash.seed=N}.
 */
@Timeout(900)
class CrashRecoveryIT {

    private static final int KILLS = 5;
    private static final int UNITS_PER_IMPORT = 40;
    private static final int CLIENTS = 3;
    private static final String BASE = "CRASH/BASE/1";

    @TempDir
    Path work;

    /** A command whose answer said it was recorded: its unit and its sequences. */
    record Acknowledged(String unitId, List<Long> sequences) {
    }

    @Test
    void killed_at_random_moments_the_service_restarts_alone_and_keeps_every_acknowledged_change() throws Exception {
        assumeTrue(TestProfiles.active().length == 1, "about the embedded default (the jar as a user runs it)");
        long seed = Long.getLong("orgledger.crash.seed", 20261129L);
        Random random = new Random(seed);
        Path dataDir = work.resolve("postgres");
        Path log = work.resolve("service.log");
        List<Acknowledged> acknowledged = new ArrayList<>();
        Map<Integer, Boolean> importsAcknowledged = new HashMap<>();
        Map<Boolean, Integer> importsSeen = new HashMap<>();

        ServiceProcess service = ServiceProcess.start(dataDir, log);
        try {
            ServiceProcess.Answer base = service.send("POST", "/api/instruments", "registrar", "application/json", """
                    {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Crash base"},
                     "issuedOn": "2001-01-01", "effectiveFrom": "2001-01-01"}""".formatted(BASE));
            assertThat(base.status()).as(base.body()).isEqualTo(201);

            for (int round = 1; round <= KILLS; round++) {
                boolean powerCut = random.nextBoolean();
                long killAfterMillis = random.nextInt(6000);
                importsAcknowledged.put(round, false);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
                try {
                    CountDownLatch writing = new CountDownLatch(1);
                    List<Future<List<Acknowledged>>> commands = new ArrayList<>();
                    for (int client = 0; client < CLIENTS; client++) {
                        commands.add(clients.submit(commandClient(service, round, client, writing)));
                    }
                    // the moment of the kill is counted from when the service is busy writing, not from its start
                    assertThat(writing.await(120, TimeUnit.SECONDS)).as("a command acknowledged in round " + round
                            + "; log:\n" + service.tail()).isTrue();
                    Future<Boolean> importing = clients.submit(importer(service, round));
                    Thread.sleep(killAfterMillis);
                    service.kill(powerCut);
                    importsAcknowledged.put(round, importing.get());
                    for (Future<List<Acknowledged>> client : commands) {
                        acknowledged.addAll(client.get());
                    }
                } finally {
                    clients.shutdownNow();
                }
                String context = "seed " + seed + ", round " + round + " (killed after " + killAfterMillis + " ms"
                        + (powerCut ? ", watchdog too" : "") + ")";
                System.out.println("CrashRecoveryIT " + context + ": import acknowledged " + importsAcknowledged.get(round)
                        + ", commands acknowledged so far " + acknowledged.size());
                importsSeen.merge(importsAcknowledged.get(round), 1, Integer::sum);
                service = ServiceProcess.start(dataDir, log);
                checkLedger(service, acknowledged, importsAcknowledged, context);
            }
        } finally {
            service.close();
        }
        assertThat(acknowledged).as("commands acknowledged over all rounds").hasSizeGreaterThanOrEqualTo(KILLS);
        System.out.println("CrashRecoveryIT seed " + seed + ": " + acknowledged.size() + " commands acknowledged, imports "
                + "acknowledged/killed: " + importsSeen);
    }

    /** POST /api/imports of a generated file; true when the service acknowledged it (201). */
    private static java.util.concurrent.Callable<Boolean> importer(ServiceProcess service, int round) {
        return () -> {
            try {
                ServiceProcess.Answer answer = service.send("POST", "/api/imports?fileName=crash-" + round + ".yaml",
                        "registrar", "application/yaml", bulletin(round));
                assertThat(answer.status()).as(answer.body()).isIn(201, 500, 503);
                return answer.status() == 201;
            } catch (IOException killedMeanwhile) {
                return false;
            }
        };
    }

    /** Establishes units one after another until the service dies; returns what it acknowledged. */
    private static java.util.concurrent.Callable<List<Acknowledged>> commandClient(ServiceProcess service, int round,
                                                                                 int client, CountDownLatch writing) {
        return () -> {
            List<Acknowledged> acknowledged = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String unitId = "crash-cmd-" + round + "-" + client + "-" + i;
                ServiceProcess.Answer answer;
                try {
                    answer = service.send("POST", "/api/units", "registrar", "application/json", """
                            {"id": "%s", "kind": "OFFICE", "name": {"en": "Crash office %s"},
                             "effectiveFrom": "2001-01-01", "authority": {"instrument": "%s", "provision": "1"}}"""
                            .formatted(unitId, unitId, BASE));
                } catch (IOException killedMeanwhile) {
                    return acknowledged;
                }
                if (answer.status() == 201) {
                    List<Long> sequences = new ArrayList<>();
                    answer.json().path("sequences").forEach(sequence -> sequences.add(sequence.asLong()));
                    assertThat(sequences).as("an acknowledged command names its events: " + answer.body()).isNotEmpty();
                    acknowledged.add(new Acknowledged(unitId, sequences));
                    writing.countDown();
                } else {
                    // refused or failed while the service went down: nothing is claimed, so nothing to check
                    assertThat(answer.status()).as(answer.body()).isGreaterThanOrEqualTo(400);
                }
            }
            return acknowledged;
        };
    }

    private static void checkLedger(ServiceProcess service, List<Acknowledged> acknowledged,
                                    Map<Integer, Boolean> importsAcknowledged, String context) throws IOException {
        Map<Long, JsonNode> log = wholeLog(service);
        for (Acknowledged command : acknowledged) {
            for (long sequence : command.sequences()) {
                assertThat(log).as(context + ": acknowledged " + command).containsKey(sequence);
                assertThat(log.get(sequence).path("aggregateIdentifier").asText()).as(context + ": " + command)
                        .isEqualTo(command.unitId());
            }
        }
        Map<String, Integer> eventsPerSubject = new HashMap<>();
        log.values().forEach(event -> eventsPerSubject.merge(event.path("aggregateIdentifier").asText(), 1, Integer::sum));
        eventsPerSubject.forEach((subject, events) -> {
            if (subject.startsWith("crash-")) {
                assertThat(events).as(context + ": events of " + subject + " (each establishment once)").isEqualTo(1);
            }
        });
        importsAcknowledged.forEach((round, wasAcknowledged) -> {
            long recorded = log.values().stream().filter(event -> belongsToImport(event, round)).count();
            assertThat(recorded).as(context + ": import " + round + " is all or nothing")
                    .isIn(0L, (long) UNITS_PER_IMPORT + 1);
            if (wasAcknowledged) {
                assertThat(recorded).as(context + ": acknowledged import " + round).isEqualTo(UNITS_PER_IMPORT + 1);
            }
        });
        JsonNode verify = service.get("/api/audit/verify", "auditor");
        assertThat(verify.path("valid").asBoolean()).as(context + ": " + verify).isTrue();
        assertThat(verify.path("eventsChecked").asLong()).as(context).isEqualTo(log.size());
        JsonNode check = service.get("/actuator/rebuild", "auditor");
        assertThat(check.path("consistent").asBoolean()).as(context + ": " + check).isTrue();
    }

    private static boolean belongsToImport(JsonNode event, int round) {
        String subject = event.path("aggregateIdentifier").asText();
        return subject.equals("CRASH/IMPORT/" + round) || subject.startsWith("crash-imp-" + round + "-");
    }

    private static Map<Long, JsonNode> wholeLog(ServiceProcess service) throws IOException {
        Map<Long, JsonNode> events = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = service.get("/api/audit/log?afterSequence=" + after + "&limit=1000", "auditor");
            page.path("events").forEach(event -> events.put(event.path("sequence").asLong(), event));
            if (page.path("nextAfterSequence").isNull() || page.path("nextAfterSequence").isMissingNode()) {
                return events;
            }
            after = page.path("nextAfterSequence").asLong();
        }
    }

    private static String bulletin(int round) {
        StringBuilder yaml = new StringBuilder("""
                format: orgledger-bulletin/1
                instrument:
                  symbol: CRASH/IMPORT/%d
                  kind: BULLETIN
                  title:
                    en: "Crash import %d"
                  issuedOn: "2001-01-01"
                  effectiveFrom: "2001-01-01"
                units:
                """.formatted(round, round));
        for (int i = 1; i <= UNITS_PER_IMPORT; i++) {
            yaml.append("""
                      - id: crash-imp-%d-%d
                        kind: OFFICE
                        name:
                          en: "Imported office %d of round %d"
                        provision: "%d"
                    """.formatted(round, i, i, round, i));
        }
        return yaml.toString();
    }
}
