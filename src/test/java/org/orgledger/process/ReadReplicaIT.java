package org.orgledger.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orgledger.OrgLedgerApplication;
import org.orgledger.TestInstruments;
import org.orgledger.TestUsers;
import org.orgledger.web.ConsistentReads;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service with a real PostgreSQL streaming replica (decision 0018): a primary made by
 * {@code initdb}, a hot standby made from it by {@code pg_basebackup -R}, both started with the
 * PostgreSQL 15 binaries of the machine, and the service (one application context) on the primary
 * with {@code orgledger.replica.url} on the standby. Replay on the standby is paused
 * ({@code pg_wal_replay_pause()}) to make it stale on purpose.
 */
class ReadReplicaIT {

    private static final Path BIN = Path.of(System.getProperty("orgledger.test.postgres-bin", "/usr/lib/postgresql/15/bin"));
    private static final String SYMBOL = "TEST/REPLICA/1";
    private static final Duration MAX_WAIT = Duration.ofSeconds(1);

    @TempDir
    static Path work;

    static Cluster primary;
    static Cluster standby;
    static ConfigurableApplicationContext service;
    static TestRestTemplate http;

    @BeforeAll
    static void startPrimaryStandbyAndService() throws Exception {
        assumeTrue(Files.isExecutable(BIN.resolve("initdb")) && Files.isExecutable(BIN.resolve("pg_basebackup")),
                "ReadReplicaIT skipped: no PostgreSQL binaries (initdb, pg_ctl, pg_basebackup) in " + BIN
                        + "; install PostgreSQL 15 there or name them with -Dorgledger.test.postgres-bin=DIR");
        primary = Cluster.initPrimary(work.resolve("primary"));
        standby = Cluster.standbyOf(primary, work.resolve("standby"));
        service = new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles("test", "external")
                .run("--server.port=0",
                        "--spring.datasource.url=" + primary.jdbcUrl(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--orgledger.replica.url=" + standby.jdbcUrl(),
                        "--orgledger.replica.max-wait=" + MAX_WAIT.toMillis() + "ms",
                        "--orgledger.audit.signing-key=" + work.resolve("signing-key.pem"));
        http = TestUsers.registrar(new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port"))));
        TestInstruments.ensure(http, SYMBOL);
    }

    @AfterAll
    static void stopAll() {
        if (service != null) {
            service.close();
        }
        if (standby != null) {
            standby.stop();
        }
        if (primary != null) {
            primary.stop();
        }
    }

    @Test
    void a_read_served_by_the_replica_says_the_position_the_replica_has_replayed() throws Exception {
        long written = establish(unitId()).sequence();
        awaitReplayed();

        ResponseEntity<JsonNode> read = get("/api/structure?asOf=2001-06-30", null);

        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("replica");
        long replicaHead = new JdbcTemplate(new DriverManagerDataSource(standby.jdbcUrl(), "postgres", ""))
                .queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(replicaHead).isGreaterThanOrEqualTo(written);
        assertThat(position(read)).isEqualTo(replicaHead);
    }

    @Test
    void a_read_right_after_a_write_that_names_its_position_shows_the_write() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String unit = unitId();
            Receipt receipt = establish(unit);

            ResponseEntity<JsonNode> read = get("/api/units/" + unit + "/history", receipt.sequence());

            assertThat(read.getStatusCode().value()).as("%s", read.getBody()).isEqualTo(200);
            assertThat(position(read)).isGreaterThanOrEqualTo(receipt.sequence());
            assertThat(read.getBody().path("changes")).hasSize(1);
        }
    }

    @Test
    void with_replay_paused_a_read_of_ones_own_write_is_answered_by_the_primary_not_stale() throws Exception {
        String unit = unitId();
        establish(unit);
        awaitReplayed();
        standby.pauseReplay();
        try {
            Receipt renamed = rename(unit, "Renamed while the replica stands still", "2002-01-01");

            ResponseEntity<JsonNode> stale = get("/api/units/" + unit + "/history", null);
            assertThat(stale.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("replica");
            assertThat(position(stale)).as("the replica has not replayed the rename").isLessThan(renamed.sequence());
            assertThat(stale.getBody().path("changes")).as("the premise: the replica is stale").hasSize(1);

            ResponseEntity<JsonNode> own = get("/api/units/" + unit + "/history", renamed.sequence());
            assertThat(own.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("primary");
            assertThat(position(own)).isGreaterThanOrEqualTo(renamed.sequence());
            assertThat(own.getBody().path("changes")).hasSize(2);
        } finally {
            standby.resumeReplay();
        }
        Receipt again = rename(unit, "Renamed once the replica replays again", "2003-01-01");
        ResponseEntity<JsonNode> caughtUp = get("/api/units/" + unit + "/history", again.sequence());
        assertThat(caughtUp.getBody().path("changes")).hasSize(3);
        assertThat(position(caughtUp)).isGreaterThanOrEqualTo(again.sequence());
    }

    @Test
    void a_reading_known_at_an_instant_the_replica_has_passed_is_the_same_from_the_replica_as_from_the_primary()
            throws Exception {
        String unit = unitId();
        establish(unit);
        Receipt renamed = rename(unit, "Renamed before the instant is passed", "2002-01-01");
        Instant knownAt = Instant.parse(get("/api/units/" + unit + "/history", renamed.sequence()).getBody()
                .path("changes").get(1).path("recordedAt").asText());
        // a later change, replayed: the replica has passed knownAt
        rename(unit, "Renamed after the instant", "2003-01-01");
        awaitReplayed();
        standby.pauseReplay();
        try {
            Receipt unseen = rename(unit, "Renamed while the replica stands still", "2004-01-01");
            String asOf = "/api/structure?asOf=2005-01-01";
            String past = asOf + "&knownAt=" + knownAt;

            ResponseEntity<JsonNode> nowFromReplica = get(asOf, null);
            ResponseEntity<JsonNode> nowFromPrimary = get(asOf, unseen.sequence());
            assertThat(nowFromReplica.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("replica");
            assertThat(nowFromPrimary.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("primary");
            assertThat(nowFromReplica.getBody()).as("the premise: the replica is stale now")
                    .isNotEqualTo(nowFromPrimary.getBody());

            ResponseEntity<JsonNode> pastFromReplica = get(past, null);
            ResponseEntity<JsonNode> pastFromPrimary = get(past, unseen.sequence());
            assertThat(pastFromReplica.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("replica");
            assertThat(pastFromPrimary.getHeaders().getFirst(ConsistentReads.READ_FROM)).isEqualTo("primary");
            assertThat(pastFromReplica.getBody()).isEqualTo(pastFromPrimary.getBody());
            assertThat(pastFromReplica.getBody().toString()).contains("Renamed before the instant is passed")
                    .doesNotContain("Renamed after the instant");
        } finally {
            standby.resumeReplay();
        }
    }

    @Test
    void a_minimum_position_that_is_not_a_position_is_refused() {
        ResponseEntity<JsonNode> refused = http.exchange("/api/structure?asOf=2001-01-01", HttpMethod.GET,
                new HttpEntity<>(headers(Map.of(ConsistentReads.MIN_POSITION, "last"))), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("INVALID_INPUT");
    }

    private record Receipt(long sequence) {
    }

    private static String unitId() {
        return "replica-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Receipt establish(String unit) {
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/units", Map.of("id", unit, "kind", "OFFICE",
                "name", Map.of("en", "Office " + unit), "effectiveFrom", "2001-01-01",
                "authority", Map.of("instrument", SYMBOL, "provision", "1")), JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(201);
        return new Receipt(answer.getBody().path("sequence").asLong());
    }

    private static Receipt rename(String unit, String name, String effectiveFrom) {
        ResponseEntity<JsonNode> answer = http.postForEntity("/api/units/rename/" + unit, Map.of(
                "name", Map.of("en", name), "effectiveFrom", effectiveFrom,
                "authority", Map.of("instrument", SYMBOL, "provision", "2")), JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return new Receipt(answer.getBody().path("sequence").asLong());
    }

    private static ResponseEntity<JsonNode> get(String path, Long minimumPosition) {
        Map<String, String> headers = minimumPosition == null ? Map.of()
                : Map.of(ConsistentReads.MIN_POSITION, minimumPosition.toString());
        ResponseEntity<JsonNode> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(headers)),
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return answer;
    }

    private static HttpHeaders headers(Map<String, String> values) {
        HttpHeaders headers = new HttpHeaders();
        values.forEach(headers::set);
        return headers;
    }

    private static long position(ResponseEntity<JsonNode> answer) {
        return Long.parseLong(answer.getHeaders().getFirst(ConsistentReads.LOG_POSITION));
    }

    /** Until the standby has replayed everything the primary has written (its read models included). */
    private static void awaitReplayed() throws Exception {
        // the insert position, not the write position: the read models commit asynchronously
        // (decision 0007), so their last commit may still be in the primary's WAL buffers
        String written = primary.query("SELECT pg_current_wal_insert_lsn()");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"t".equals(standby.query("SELECT pg_last_wal_replay_lsn() >= '" + written + "'::pg_lsn"))) {
            assertThat(System.nanoTime()).as("the standby replays within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * A PostgreSQL cluster of the machine's binaries on a port of its own, reached over TCP only.
     * PostgreSQL refuses to run as root; as root its commands run in a user namespace of their own
     * ({@code unshare -U}), as zonky's embedded server does.
     */
    record Cluster(Path dataDir, int port) {

        static Cluster initPrimary(Path dataDir) throws Exception {
            run(List.of(BIN.resolve("initdb").toString(), "-D", dataDir.toString(), "-A", "trust", "-U", "postgres",
                    "--no-sync"), true);
            Cluster primary = new Cluster(dataDir, freePort());
            primary.start("-c wal_level=replica -c max_wal_senders=4");
            return primary;
        }

        static Cluster standbyOf(Cluster primary, Path dataDir) throws Exception {
            run(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port()),
                    "-U", "postgres", "-D", dataDir.toString(), "-R", "-X", "stream", "-c", "fast"), false);
            Cluster standby = new Cluster(dataDir, freePort());
            standby.start("-c hot_standby=on");
            return standby;
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        void pauseReplay() throws Exception {
            query("SELECT pg_wal_replay_pause()");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!"paused".equals(query("SELECT pg_get_wal_replay_pause_state()"))) {
                assertThat(System.nanoTime()).as("replay pauses").isLessThan(deadline);
                Thread.sleep(10);
            }
        }

        void resumeReplay() throws Exception {
            query("SELECT pg_wal_replay_resume()");
        }

        String query(String sql) throws Exception {
            return run(List.of(BIN.resolve("psql").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-U", "postgres", "-d", "postgres", "-Atc", sql), false).strip();
        }

        private void start(String options) throws Exception {
            run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l",
                    dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off "
                            + "-c max_connections=60 " + options, "start"), true);
        }

        void stop() {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                        "stop"), true);
            } catch (Exception ignored) {
                // a cluster that did not start has nothing to stop
            }
        }

        private static String run(List<String> command, boolean asServer) throws Exception {
            List<String> line = new ArrayList<>();
            if (asServer && "root".equals(System.getProperty("user.name"))) {
                line.addAll(List.of("unshare", "-U"));
            }
            line.addAll(command);
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as("%s:%n%s", line, output).isZero();
            return output;
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}
