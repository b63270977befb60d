package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.TestInstruments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One history, recorded through HTTP with back-dated changes, a correction and a supersession,
 * and every read of the contract asked about it: the structure as of dates and as known at
 * instants, the diff, the timeline, a unit's history, the instruments, and the errors.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSideHttpIT {

    static final String OLD = "ST/SGB/1980/1";
    static final String NEW = "ST/SGB/1984/2";
    static final String CENTRE = "rs-centre";
    static final String RESEARCH = "rs-centre/research";
    static final String POLICY = "rs-centre/policy";

    @Autowired
    TestRestTemplate http;

    Instant beforeMove;
    Instant beforeRetraction;
    long wrongRename;
    long retraction;

    @BeforeAll
    void record_a_history() throws InterruptedException {
        TestInstruments.promulgate(http, "TEST/READ/0", "1977-12-19");
        created(TestUsers.registrar(http).postForEntity("/api/instruments", Map.of("symbol", OLD, "kind", "BULLETIN",
                "title", Map.of("en", "Organization of the Centre", "fr", "Organisation du Centre"),
                "issuedOn", "1979-12-01", "effectiveFrom", "1980-01-01"), JsonNode.class));
        created(TestUsers.registrar(http).postForEntity("/api/instruments", Map.of("symbol", NEW, "kind", "BULLETIN",
                "title", Map.of("en", "Organization of the Centre (revised)"),
                "issuedOn", "1983-12-01", "effectiveFrom", "1984-01-01"), JsonNode.class));

        created(post("/api/units", Map.of("id", CENTRE, "kind", "ENTITY",
                "name", Map.of("en", "Centre", "fr", "Centre (fr)"), "effectiveFrom", "1980-01-01", "authority", cite(OLD, "1"))));
        ok(post("/api/units/head/" + CENTRE, Map.of("title", Map.of("en", "Director"), "level", "D-2",
                "effectiveFrom", "1980-01-01", "authority", cite(OLD, "2"))));
        created(post("/api/units", Map.of("id", RESEARCH, "kind", "DIVISION", "parentId", CENTRE,
                "name", Map.of("en", "Research Division", "zh", "研究司"), "effectiveFrom", "1981-06-01",
                "authority", cite(OLD, "3"))));
        created(post("/api/units", Map.of("id", POLICY, "kind", "BRANCH", "parentId", CENTRE,
                "name", Map.of("en", "Policy Branch"), "effectiveFrom", "1982-01-01", "authority", cite(OLD, "4"))));
        ok(post("/api/units/functions/" + RESEARCH, Map.of("functionId", "monitor", "text", Map.of("en", "Monitor settlements"),
                "effectiveFrom", "1981-06-01", "authority", cite(OLD, "3.1"))));
        ok(post("/api/units/rename/" + RESEARCH, Map.of("name", Map.of("en", "Monitoring and Research Division"),
                "effectiveFrom", "1983-01-01", "authority", cite(OLD, "3.2"))));
        beforeMove = instantAfterLastWrite();
        // back-dated: recorded after the 1983 renaming, effective in 1982
        ok(post("/api/units/reporting-line/" + POLICY, Map.of("parentId", RESEARCH, "effectiveFrom", "1982-06-01",
                "authority", cite(OLD, "4.1"))));
        wrongRename = ok(post("/api/units/rename/" + POLICY, Map.of("name", Map.of("en", "Policy Branch (wrong)"),
                "effectiveFrom", "1983-06-01", "authority", cite(OLD, "4.2")))).get("sequence").asLong();
        beforeRetraction = instantAfterLastWrite();
        retraction = ok(post("/api/units/retract/" + POLICY, Map.of("sequence", wrongRename,
                "reason", "recorded from a draft", "authority", cite(OLD, "4.2")))).get("sequence").asLong();
        ok(post("/api/units/functions/" + RESEARCH, Map.of("functionId", "analyse", "text", Map.of("en", "Analyse data"),
                "effectiveFrom", "1984-01-01", "authority", cite(NEW, "1"))));
        ok(post("/api/units/reaffirm/" + RESEARCH, Map.of("effectiveFrom", "1984-06-01", "authority", cite(NEW, "2"))));
        // the supersession ends what only OLD grounds: the centre's head, the policy branch, the monitoring function
        ok(post("/api/instruments/supersede/" + OLD, Map.of("supersededBy", NEW, "effectiveFrom", "1985-01-01",
                "provision", "9")));
    }

    @Test
    void the_structure_on_a_date_lists_the_units_in_force_parents_first_with_the_back_dated_move() {
        JsonNode structure = get("/api/structure?asOf=1982-07-01");
        assertThat(structure.get("asOf").asText()).isEqualTo("1982-07-01");
        assertThat(structure.get("knownAt").asText()).endsWith("Z");
        assertThat(mine(structure)).containsExactly(CENTRE, RESEARCH, POLICY);
        JsonNode centre = unit(structure, CENTRE);
        assertThat(centre.get("kind").asText()).isEqualTo("ENTITY");
        assertThat(centre.has("parentId") && centre.get("parentId").isNull()).isTrue();
        assertThat(centre.get("head").get("title").get("en").asText()).isEqualTo("Director");
        assertThat(centre.get("head").get("level").asText()).isEqualTo("D-2");
        assertThat(centre.get("authority")).isEqualTo(json(cite(OLD, "1")));
        JsonNode research = unit(structure, RESEARCH);
        assertThat(research.get("parentId").asText()).isEqualTo(CENTRE);
        assertThat(research.get("name").get("zh").asText()).isEqualTo("研究司");
        assertThat(research.get("head").isNull()).isTrue();
        assertThat(research.get("functions")).hasSize(1);
        assertThat(research.get("functions").get(0).get("id").asText()).isEqualTo("monitor");
        assertThat(research.get("functions").get(0).get("text").get("en").asText()).isEqualTo("Monitor settlements");
        assertThat(research.get("functions").get(0).get("authority")).isEqualTo(json(cite(OLD, "3.1")));
        assertThat(unit(structure, POLICY).get("parentId").asText()).isEqualTo(RESEARCH);
    }

    @Test
    void the_structure_as_known_at_an_earlier_instant_is_what_a_reader_was_shown_then() {
        JsonNode then = get("/api/structure?asOf=1982-07-01&knownAt=" + beforeMove);
        assertThat(then.get("knownAt").asText()).isEqualTo(beforeMove.toString());
        assertThat(unit(then, POLICY).get("parentId").asText()).isEqualTo(CENTRE);

        JsonNode wrong = get("/api/structure?asOf=1983-07-01&knownAt=" + beforeRetraction);
        assertThat(unit(wrong, POLICY).get("name").get("en").asText()).isEqualTo("Policy Branch (wrong)");
        JsonNode corrected = get("/api/structure?asOf=1983-07-01");
        assertThat(unit(corrected, POLICY).get("name").get("en").asText()).isEqualTo("Policy Branch");
        assertThat(unit(corrected, RESEARCH).get("name").get("en").asText()).isEqualTo("Monitoring and Research Division");
    }

    @Test
    void after_the_supersession_what_only_the_old_instrument_grounded_has_ended() {
        JsonNode structure = get("/api/structure?asOf=1985-01-01");
        assertThat(mine(structure)).containsExactly(CENTRE, RESEARCH);
        assertThat(unit(structure, CENTRE).get("head").isNull()).isTrue();
        JsonNode functions = unit(structure, RESEARCH).get("functions");
        assertThat(functions).hasSize(1);
        assertThat(functions.get(0).get("id").asText()).isEqualTo("analyse");
        assertThat(mine(get("/api/structure?asOf=1984-12-31"))).containsExactly(CENTRE, RESEARCH, POLICY);
    }

    @Test
    void the_diff_between_two_dates_names_every_kind_of_change() {
        JsonNode diff = get("/api/structure/diff?from=1982-07-01&to=1985-01-01");
        assertThat(diff.get("from").asText()).isEqualTo("1982-07-01");
        assertThat(diff.get("to").asText()).isEqualTo("1985-01-01");
        assertThat(ids(diff.get("established"), "id")).doesNotContain(CENTRE, RESEARCH, POLICY);
        assertThat(ids(diff.get("abolished"), "id")).contains(POLICY).doesNotContain(CENTRE, RESEARCH);
        JsonNode renamed = entry(diff.get("renamed"), "id", RESEARCH);
        assertThat(renamed.get("before").get("en").asText()).isEqualTo("Research Division");
        assertThat(renamed.get("after").get("en").asText()).isEqualTo("Monitoring and Research Division");
        JsonNode assigned = entry(diff.get("functionsAssigned"), "unitId", RESEARCH);
        assertThat(assigned.get("function").get("id").asText()).isEqualTo("analyse");
        JsonNode withdrawn = entry(diff.get("functionsWithdrawn"), "unitId", RESEARCH);
        assertThat(withdrawn.get("function").get("id").asText()).isEqualTo("monitor");
        assertThat(diff.get("moved").isArray()).isTrue();

        JsonNode move = get("/api/structure/diff?from=1982-03-01&to=1982-07-01");
        JsonNode moved = entry(move.get("moved"), "id", POLICY);
        assertThat(moved.get("beforeParentId").asText()).isEqualTo(CENTRE);
        assertThat(moved.get("afterParentId").asText()).isEqualTo(RESEARCH);

        JsonNode growth = get("/api/structure/diff?from=1980-06-01&to=1982-07-01");
        assertThat(ids(growth.get("established"), "id")).contains(RESEARCH, POLICY).doesNotContain(CENTRE);
        assertThat(entry(growth.get("functionsAssigned"), "unitId", RESEARCH).get("function").get("id").asText())
                .isEqualTo("monitor");
    }

    @Test
    void the_timeline_replays_every_change_in_effective_order_with_its_authority_and_recorder() {
        JsonNode timeline = get("/api/timeline?from=1980-01-01&to=1989-12-31");
        List<JsonNode> changes = new ArrayList<>();
        timeline.get("changes").forEach(changes::add);
        for (int i = 1; i < changes.size(); i++) {
            JsonNode a = changes.get(i - 1);
            JsonNode b = changes.get(i);
            int byDate = a.get("effectiveFrom").asText().compareTo(b.get("effectiveFrom").asText());
            assertThat(byDate < 0 || byDate == 0 && a.get("sequence").asLong() < b.get("sequence").asLong())
                    .as("ordered by effectiveFrom, then sequence: %s before %s", a, b).isTrue();
        }
        List<String> policyTypes = changes.stream().filter(c -> POLICY.equals(c.path("unitId").asText()))
                .map(c -> c.get("type").asText()).toList();
        // the back-dated move (recorded after the 1983 renaming) replays in 1982
        assertThat(policyTypes).containsExactly("UnitEstablished", "ReportingLineChanged", "UnitRenamed",
                "ChangeRetracted", "UnitAbolished");
        JsonNode move = first(changes, c -> "ReportingLineChanged".equals(c.get("type").asText()) && POLICY.equals(c.get("unitId").asText()));
        assertThat(move.get("effectiveFrom").asText()).isEqualTo("1982-06-01");
        assertThat(move.get("parentId").asText()).isEqualTo(RESEARCH);
        assertThat(move.get("recordedBy").asText()).isEqualTo("registrar");
        assertThat(Instant.parse(move.get("recordedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(move.get("authority")).isEqualTo(json(cite(OLD, "4.1")));
        assertThat(move.get("retracted").asBoolean()).isFalse();

        JsonNode wrong = first(changes, c -> c.get("sequence").asLong() == wrongRename);
        assertThat(wrong.get("name").get("en").asText()).isEqualTo("Policy Branch (wrong)");
        assertThat(wrong.get("retracted").asBoolean()).isTrue();
        assertThat(wrong.get("retractedBy").asLong()).isEqualTo(retraction);
        JsonNode correction = first(changes, c -> c.get("sequence").asLong() == retraction);
        assertThat(correction.get("type").asText()).isEqualTo("ChangeRetracted");
        assertThat(correction.get("retractedSequence").asLong()).isEqualTo(wrongRename);
        assertThat(correction.get("reason").asText()).isEqualTo("recorded from a draft");

        JsonNode abolition = first(changes, c -> "UnitAbolished".equals(c.get("type").asText()) && POLICY.equals(c.get("unitId").asText()));
        assertThat(abolition.get("supersededInstrument").asText()).isEqualTo(OLD);
        assertThat(abolition.get("authority").get("instrument").asText()).isEqualTo(NEW);
        JsonNode superseded = first(changes, c -> "BulletinSuperseded".equals(c.get("type").asText()) && OLD.equals(c.path("instrument").asText()));
        assertThat(superseded.get("supersededBy").asText()).isEqualTo(NEW);
        assertThat(superseded.get("effectiveFrom").asText()).isEqualTo("1985-01-01");
        assertThat(changes).anyMatch(c -> "UnitReaffirmed".equals(c.get("type").asText()) && RESEARCH.equals(c.get("unitId").asText()));
        JsonNode promulgated = first(changes, c -> "BulletinPromulgated".equals(c.get("type").asText()) && NEW.equals(c.path("instrument").asText()));
        // every change cites an authority: a promulgation, the instrument itself as a whole
        assertThat(promulgated.get("authority").get("instrument").asText()).isEqualTo(NEW);
        assertThat(promulgated.get("authority").get("provision").asText()).isEqualTo("whole");
        assertThat(superseded.get("authority").get("instrument").asText()).isEqualTo(NEW);
        assertThat(changes).allMatch(c -> c.path("authority").has("instrument") && c.path("authority").has("provision"));

        JsonNode narrow = get("/api/timeline?from=1982-06-01&to=1982-06-01");
        assertThat(narrow.get("changes")).allMatch(c -> c.get("effectiveFrom").asText().equals("1982-06-01"));
        assertThat(narrow.get("changes")).anyMatch(c -> c.get("type").asText().equals("ReportingLineChanged"));
    }

    @Test
    void the_timeline_as_known_before_a_correction_does_not_show_it() {
        JsonNode timeline = get("/api/timeline?from=1983-06-01&to=1983-06-01&knownAt=" + beforeRetraction);
        JsonNode wrong = first(list(timeline.get("changes")), c -> c.get("sequence").asLong() == wrongRename);
        assertThat(wrong.get("retracted").asBoolean()).isFalse();
        assertThat(timeline.get("changes")).noneMatch(c -> c.get("sequence").asLong() == retraction);
    }

    @Test
    void a_units_history_lists_every_recorded_change_in_recorded_order_corrections_included() {
        JsonNode history = get("/api/units/" + POLICY + "/history");
        assertThat(history.get("unitId").asText()).isEqualTo(POLICY);
        List<JsonNode> changes = list(history.get("changes"));
        assertThat(changes.stream().map(c -> c.get("type").asText())).containsExactly("UnitEstablished",
                "ReportingLineChanged", "UnitRenamed", "ChangeRetracted", "UnitAbolished");
        assertThat(changes.stream().map(c -> c.get("sequence").asLong())).isSorted();
        assertThat(changes.get(2).get("retracted").asBoolean()).isTrue();
        assertThat(changes).allMatch(c -> c.get("unitId").asText().equals(POLICY) && c.has("recordedAt")
                && c.has("recordedBy") && c.has("authority") && c.has("effectiveFrom"));
    }

    @Test
    void instruments_show_their_supersession() {
        JsonNode old = get("/api/instruments/" + OLD);
        assertThat(old.get("symbol").asText()).isEqualTo(OLD);
        assertThat(old.get("kind").asText()).isEqualTo("BULLETIN");
        assertThat(old.get("title").get("fr").asText()).isEqualTo("Organisation du Centre");
        assertThat(old.get("issuedOn").asText()).isEqualTo("1979-12-01");
        assertThat(old.get("effectiveFrom").asText()).isEqualTo("1980-01-01");
        assertThat(old.get("supersededBy").asText()).isEqualTo(NEW);
        assertThat(old.get("supersededOn").asText()).isEqualTo("1985-01-01");
        JsonNode current = get("/api/instruments/" + NEW);
        assertThat(current.get("supersededBy").isNull()).isTrue();
        assertThat(current.get("supersededOn").isNull()).isTrue();
        assertThat(current.get("supersedes")).extracting(JsonNode::asText).containsExactly(OLD);
        JsonNode all = get("/api/instruments");
        assertThat(ids(all.get("instruments"), "symbol")).contains(OLD, NEW);
    }

    @Test
    void lang_puts_the_preferred_language_first_and_drops_none() {
        JsonNode structure = get("/api/structure?asOf=1982-07-01&lang=zh");
        JsonNode research = unit(structure, RESEARCH);
        assertThat(research.get("name").fieldNames().next()).isEqualTo("zh");
        assertThat(research.get("name").get("en").asText()).isEqualTo("Research Division");
        assertThat(research.get("preferredName").asText()).isEqualTo("研究司");
        assertThat(unit(structure, CENTRE).get("preferredName").asText()).isEqualTo("Centre");
        assertThat(unit(structure, CENTRE).get("head").get("preferredTitle").asText()).isEqualTo("Director");
        JsonNode instrument = get("/api/instruments/" + OLD + "?lang=fr");
        assertThat(instrument.get("title").fieldNames().next()).isEqualTo("fr");
        assertThat(instrument.get("preferredTitle").asText()).isEqualTo("Organisation du Centre");
    }

    /**
     * The timeline, a unit's history and the instrument list, with and without {@code lang}, are
     * pinned member for member and in order (src/test/resources/read-side-answers.json): how
     * they are built may change, what they answer may not. Instants and global sequence numbers
     * differ from run to run and are replaced by placeholders; everything else is as written.
     */
    @Test
    void the_timeline_the_history_and_the_instrument_list_answer_as_pinned() throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/timeline?from=1980-01-01&to=1989-12-31",
                "/api/timeline?from=1980-01-01&to=1989-12-31&lang=zh",
                "/api/units/" + POLICY + "/history", "/api/units/" + POLICY + "/history?lang=fr",
                "/api/units/" + RESEARCH + "/history?lang=zh", "/api/instruments", "/api/instruments?lang=fr")) {
            answers.put(path, http.getForEntity(path, JsonNode.class).getBody());
        }
        PinnedAnswers.assertPinned("read-side-answers.json", answers, ReadSideHttpIT::mineOnly);
    }

    /** Only this class's units and instruments: the database is shared with other test classes. */
    private static boolean mineOnly(JsonNode change) {
        return change.path("unitId").asText().startsWith("rs-") || List.of(OLD, NEW).contains(change.path("instrument").asText())
                || List.of(OLD, NEW).contains(change.path("symbol").asText());
    }

    @Test
    void unknown_units_and_instruments_are_404_problems_with_a_stable_code() {
        problem(http.getForEntity("/api/units/rs-centre/nowhere/history", JsonNode.class), HttpStatus.NOT_FOUND, "UNKNOWN_UNIT");
        problem(http.getForEntity("/api/units/" + POLICY, JsonNode.class), HttpStatus.NOT_FOUND, "UNKNOWN_UNIT");
        problem(http.getForEntity("/api/instruments/ST/SGB/1899/1", JsonNode.class), HttpStatus.NOT_FOUND, "UNKNOWN_INSTRUMENT");
    }

    @Test
    void bad_dates_are_400_problems_with_a_stable_code_and_the_offending_field() {
        JsonNode invalid = problem(http.getForEntity("/api/structure?asOf=1985-13-01", JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_DATE");
        assertThat(invalid.get("errors").get(0).get("field").asText()).isEqualTo("asOf");
        problem(http.getForEntity("/api/structure", JsonNode.class), HttpStatus.BAD_REQUEST, "MISSING_PARAMETER");
        problem(http.getForEntity("/api/structure?asOf=1985-01-01&knownAt=yesterday", JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_INSTANT");
        problem(http.getForEntity("/api/structure/diff?from=1985-01-01&to=1984-01-01", JsonNode.class),
                HttpStatus.BAD_REQUEST, "INVALID_DATE_RANGE");
        problem(http.getForEntity("/api/structure/diff?from=1985-01-01", JsonNode.class), HttpStatus.BAD_REQUEST,
                "MISSING_PARAMETER");
        problem(http.getForEntity("/api/timeline?from=01/01/1985", JsonNode.class), HttpStatus.BAD_REQUEST, "INVALID_DATE");
        problem(http.getForEntity("/api/structure?asOf=1985-01-01&lang=Chinese!", JsonNode.class), HttpStatus.BAD_REQUEST,
                "INVALID_LANGUAGE");
    }

    @Test
    void the_openapi_description_documents_the_read_endpoints_and_lang() {
        JsonNode paths = get("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/timeline")).isTrue();
        assertThat(paths.has("/api/structure/diff")).isTrue();
        assertThat(paths.toString()).contains("preferredName");
    }

    private JsonNode problem(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
        assertThat(response.getBody().get("status").asInt()).isEqualTo(status.value());
        return response.getBody();
    }

    private JsonNode get(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, Object> body) {
        return TestUsers.registrar(http).postForEntity(path, body, JsonNode.class);
    }

    private static JsonNode created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private static JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("visible").asBoolean()).isTrue();
        return response.getBody();
    }

    /** An instant strictly after everything recorded so far and strictly before what comes next. */
    private static Instant instantAfterLastWrite() throws InterruptedException {
        Thread.sleep(5);
        Instant instant = Instant.now();
        Thread.sleep(5);
        return instant;
    }

    private static Map<String, Object> cite(String instrument, String provision) {
        Map<String, Object> authority = new LinkedHashMap<>();
        authority.put("instrument", instrument);
        authority.put("provision", provision);
        return authority;
    }

    private static JsonNode json(Object value) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(value);
    }

    private static List<String> mine(JsonNode structure) {
        return ids(structure.get("units"), "id").stream().filter(id -> id.startsWith("rs-")).toList();
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes;
    }

    private static JsonNode unit(JsonNode structure, String id) {
        return entry(structure.get("units"), "id", id);
    }

    private static JsonNode entry(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + array);
    }

    private static JsonNode first(List<JsonNode> nodes, java.util.function.Predicate<JsonNode> test) {
        return nodes.stream().filter(test).findFirst().orElseThrow(() -> new AssertionError("not found in " + nodes));
    }
}
