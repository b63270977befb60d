package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.TestProfiles;

/**
 * {@code kill -9} of the service on the embedded default: the next start on the same data
 * directory succeeds without anyone's help and keeps what was acknowledged, whether the
 * orphaned PostgreSQL server is still running (its watchdog died too) or was stopped by it.
 */
@Timeout(600)
class EmbeddedServerAfterCrashIT {

    @TempDir
    Path work;

    @BeforeEach
    void onlyOnTheEmbeddedDefault() {
        assumeTrue(TestProfiles.active().length == 1, "about the embedded default; the external pass has no embedded server");
    }

    @Test
    void a_server_orphaned_by_kill_9_is_stopped_by_the_next_start_which_keeps_the_ledger() throws Exception {
        Path dataDir = work.resolve("postgres");
        Path log = work.resolve("service.log");
        long orphan;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, "--orgledger.database.stop-with-service=false")) {
            recordInstrument(first, "TEST/CRASH/ORPHAN");
            orphan = ServiceProcess.postmasterPid(dataDir).orElseThrow();
            first.kill(true);
        }
        // the situation of issue 11: the JVM is gone, its PostgreSQL still runs on the directory
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("orphaned postmaster").contains(true);

        try (ServiceProcess second = ServiceProcess.start(dataDir, log)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan").isFalse();
            assertThat(ServiceProcess.postmasterPid(dataDir)).isPresent().isNotEqualTo(Optional.of(orphan));
            assertThat(second.get("/api/instruments/TEST/CRASH/ORPHAN", null).path("symbol").asText())
                    .isEqualTo("TEST/CRASH/ORPHAN");
            assertThat(second.get("/api/audit/verify", "auditor").path("valid").asBoolean()).isTrue();
        }
    }

    @Test
    void after_kill_9_of_the_service_alone_its_watchdog_stops_the_server_and_the_next_start_succeeds() throws Exception {
        Path dataDir = work.resolve("postgres");
        Path log = work.resolve("service.log");
        long server;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log)) {
            recordInstrument(first, "TEST/CRASH/WATCHED");
            server = ServiceProcess.postmasterPid(dataDir).orElseThrow();
            first.kill(false);
        }
        // waits for the watchdog (the class timeout bounds it): nothing of the service keeps running
        ServiceProcess.awaitEnd(server);
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        try (ServiceProcess second = ServiceProcess.start(dataDir, log)) {
            assertThat(second.get("/api/instruments/TEST/CRASH/WATCHED", null).path("symbol").asText())
                    .isEqualTo("TEST/CRASH/WATCHED");
        }
    }

    private static void recordInstrument(ServiceProcess service, String symbol) throws Exception {
        ServiceProcess.Answer answer = service.send("POST", "/api/instruments", "registrar", "application/json", """
                {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Crash test"},
                 "issuedOn": "2001-01-01", "effectiveFrom": "2001-01-01"}""".formatted(symbol));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }
}
