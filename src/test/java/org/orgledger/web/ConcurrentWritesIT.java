package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.orgledger.platform.readmodel.ReadModelMaintenance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sixteen clients at once, some fighting over one unit (abolishing it, taking the same function
 * id, establishing the same new unit), the others each working on a unit of their own. Every
 * request is answered (2xx or 409), the store holds exactly the events the accepted requests
 * reported, each aggregate's events are numbered without gaps, and the structure read model
 * equals its own rebuild from the store.
 */
@LedgerIntegrationTest
class ConcurrentWritesIT {

    private static final int CLIENTS = 16;
    private static final String AUTHORITY = "{\"instrument\": \"TEST/SECURITY/1\", \"provision\": \"1\"}";
    private static final List<String> DATES = List.of("2002-03-01", "2002-05-31", "2002-06-01", "2002-12-31",
            "2003-01-01", "2004-01-01");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;


    @Autowired
    ReadModelBarrier barrier;

    @Autowired
    ReadModelMaintenance maintenance;

    /** One answered request of one client. */
    record Answer(String what, int status, JsonNode body) {
    }

    @Test
    void concurrent_conflicting_and_independent_commands_lose_and_duplicate_nothing() throws Exception {
        RawHttp http = new RawHttp(port);
        // the Spring context, and so the ledger, may be shared with other test classes
        RawHttp.Response instrument = http.send(post("/api/instruments", """
                {"symbol": "TEST/SECURITY/1", "kind": "BULLETIN", "title": {"en": "Organization of the Secretariat"},
                 "issuedOn": "2002-01-01", "effectiveFrom": "2002-01-01"}"""));
        assertThat(instrument.status()).as(instrument.text()).isIn(201, 409);
        accept(http, post("/api/units", establish("race", "2002-03-01")));
        long setUpHead = barrier.head();

        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            List<Map.Entry<String, RawHttp.Request>> requests = requestsOf(client);
            done.add(clients.submit(() -> {
                start.await();
                for (Map.Entry<String, RawHttp.Request> request : requests) {
                    RawHttp.Response response = http.send(request.getValue());
                    answers.add(new Answer(request.getKey(), response.status(),
                            response.text().isEmpty() ? null : response.json()));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> client : done) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        // every request answered: accepted, or refused as a conflict
        assertThat(answers).hasSize(CLIENTS * 8);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status())
                .as(answer.what() + " " + answer.body()).satisfiesAnyOf(
                        status -> assertThat(status).isBetween(200, 299),
                        status -> assertThat(status).isEqualTo(409)));
        // of each fight exactly one wins, the others are told why they lost
        assertOneWinner(answers, "abolish race", "UNIT_ABOLISHED");
        assertOneWinner(answers, "assign f-shared", "FUNCTION_ID_TAKEN");
        assertOneWinner(answers, "establish race-new", "UNIT_ALREADY_EXISTS");
        // what did not conflict was accepted
        assertThat(answers).filteredOn(answer -> answer.what().startsWith("own ") || answer.what().startsWith("rename race"))
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.what() + " " + answer.body()).isBetween(200, 299));

        // each accepted sequence is in the store exactly once, and the store has nothing else
        List<Long> accepted = new ArrayList<>();
        answers.stream().filter(answer -> answer.status() < 300)
                .forEach(answer -> answer.body().get("sequences").forEach(sequence -> accepted.add(sequence.asLong())));
        assertThat(accepted).doesNotHaveDuplicates();
        List<Long> stored = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE global_index > ? ORDER BY global_index", Long.class,
                setUpHead);
        assertThat(stored).doesNotHaveDuplicates();
        assertThat(new HashSet<>(accepted)).isEqualTo(new HashSet<>(stored));

        // each aggregate's events numbered 0..n-1
        jdbc.query("""
                SELECT aggregate_identifier, count(*), min(sequence_number), max(sequence_number),
                       count(DISTINCT sequence_number)
                FROM domain_event_entry GROUP BY aggregate_identifier""", row -> {
            String aggregate = row.getString(1);
            long count = row.getLong(2);
            assertThat(row.getLong(3)).as(aggregate).isZero();
            assertThat(row.getLong(4)).as(aggregate).isEqualTo(count - 1);
            assertThat(row.getLong(5)).as(aggregate).isEqualTo(count);
        });

        // the read model shows the outcome ...
        Map<String, JsonNode> before = structures(http);
        assertThat(ids(before.get("2002-12-31"))).filteredOn(id -> id.startsWith("race")).hasSize(2 + CLIENTS)
                .contains("race", "race-new");
        assertThat(ids(before.get("2003-01-01"))).doesNotContain("race").contains("race-new");
        JsonNode race = unit(before.get("2002-12-31"), "race");
        assertThat(race.get("functions")).hasSize(1);
        assertThat(race.get("functions").get(0).get("id").asText()).isEqualTo("f-shared");
        for (int client = 0; client < CLIENTS; client++) {
            JsonNode own = unit(before.get("2004-01-01"), "race-own-" + client);
            assertThat(own.get("name").get("en").asText()).isEqualTo("Renamed " + client);
            assertThat(own.get("functions")).hasSize(1);
            assertThat(own.get("head").get("title").get("en").asText()).isEqualTo("Chief " + client);
        }
        // ... and is what a rebuild from the store makes of it
        rebuildStructure();
        assertThat(structures(http)).isEqualTo(before);
    }

    private static void assertOneWinner(List<Answer> answers, String what, String loserCode) {
        List<Answer> attempts = answers.stream().filter(answer -> answer.what().equals(what)).toList();
        assertThat(attempts).hasSize(CLIENTS);
        assertThat(attempts).filteredOn(answer -> answer.status() < 300).as(what).hasSize(1);
        assertThat(attempts).filteredOn(answer -> answer.status() == 409).as(what)
                .hasSize(CLIENTS - 1)
                .allSatisfy(answer -> assertThat(answer.body().get("code").asText()).isEqualTo(loserCode));
    }

    /** Eight requests per client: three fights over shared things, one shared rename, four on its own unit. */
    private static List<Map.Entry<String, RawHttp.Request>> requestsOf(int client) {
        String own = "race-own-" + client;
        List<Map.Entry<String, RawHttp.Request>> fights = new ArrayList<>(List.of(
                Map.entry("establish race-new", post("/api/units", establish("race-new", "2002-06-01"))),
                Map.entry("assign f-shared", post("/api/units/functions/race", """
                        {"functionId": "f-shared", "text": {"en": "Client %d"}, "effectiveFrom": "2002-06-01",
                         "authority": %s}""".formatted(client, AUTHORITY))),
                Map.entry("abolish race", post("/api/units/abolish/race", """
                        {"closure": "ABOLISHED", "effectiveFrom": "2003-01-01", "authority": %s}""".formatted(AUTHORITY))),
                Map.entry("rename race " + client, post("/api/units/rename/race", """
                        {"name": {"en": "Race %d"}, "effectiveFrom": "2002-04-%02d", "authority": %s}"""
                        .formatted(client, client + 1, AUTHORITY)))));
        Collections.rotate(fights, client);
        List<Map.Entry<String, RawHttp.Request>> requests = new ArrayList<>();
        requests.add(Map.entry("own establish", post("/api/units", establish(own, "2002-03-01"))));
        requests.add(fights.get(0));
        requests.add(Map.entry("own rename", post("/api/units/rename/" + own, """
                {"name": {"en": "Renamed %d"}, "effectiveFrom": "2002-05-01", "authority": %s}"""
                .formatted(client, AUTHORITY))));
        requests.add(fights.get(1));
        requests.add(Map.entry("own function", post("/api/units/functions/" + own, """
                {"functionId": "f-own", "text": {"en": "Own %d"}, "effectiveFrom": "2002-05-01", "authority": %s}"""
                .formatted(client, AUTHORITY))));
        requests.add(fights.get(2));
        requests.add(Map.entry("own head", post("/api/units/head/" + own, """
                {"title": {"en": "Chief %d"}, "level": "D-1", "effectiveFrom": "2002-05-01", "authority": %s}"""
                .formatted(client, AUTHORITY))));
        requests.add(fights.get(3));
        return requests;
    }

    /**
     * Rebuilds the read models from the store through the operator's rebuild, which takes every
     * segment first: against a shared external database other test contexts are other nodes that
     * hold claims (a bare reset of this context's processor would be refused).
     */
    private void rebuildStructure() {
        assertThat(maintenance.rebuild().caughtUp()).isTrue();
        assertThat(barrier.awaitProcessed(barrier.head(), Duration.ofSeconds(60))).isTrue();
    }

    private static Map<String, JsonNode> structures(RawHttp http) {
        Map<String, JsonNode> structures = new HashMap<>();
        for (String date : DATES) {
            RawHttp.Response response = http.send(new RawHttp.Request("GET", "/api/structure?asOf=" + date));
            assertThat(response.status()).isEqualTo(200);
            structures.put(date, response.json().get("units"));
        }
        return structures;
    }

    private static Set<String> ids(JsonNode units) {
        Set<String> ids = new HashSet<>();
        units.forEach(unit -> ids.add(unit.get("id").asText()));
        return ids;
    }

    private static JsonNode unit(JsonNode units, String id) {
        for (JsonNode unit : units) {
            if (unit.get("id").asText().equals(id)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + id + " in " + units);
    }

    private static void accept(RawHttp http, RawHttp.Request request) {
        RawHttp.Response response = http.send(request);
        assertThat(response.status()).as(request + ": " + response.text()).isBetween(200, 299);
    }

    private static RawHttp.Request post(String path, String json) {
        return new RawHttp.Request("POST", path).as(TestUsers.REGISTRAR, TestUsers.REGISTRAR).json(json);
    }

    private static String establish(String id, String effectiveFrom) {
        return """
                {"id": "%s", "kind": "OFFICE", "name": {"en": "%s"}, "effectiveFrom": "%s", "authority": %s}"""
                .formatted(id, id, effectiveFrom, AUTHORITY);
    }
}
