package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.ledger.ErrorCatalogue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A catalogue of bad requests. Each is refused with problem details carrying a code of the
 * error catalogue (and, for invalid input, the offending field), and leaves the ledger as it
 * was: the same events and the same read models after each, the same structure on every date
 * looked at after all. Requests go through MockMvc (the filters, MVC and the advice, without a
 * server round trip), except those only the servlet container decides (MockHttp.needsServer),
 * which go over HTTP.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestCatalogueIT {

    private static final String SGB = "TEST/SECURITY/1";
    private static final String AUTHORITY = "{\"instrument\": \"" + SGB + "\", \"provision\": \"1\"}";
    private static final List<String> DATES = List.of("2001-12-31", "2002-03-01", "2002-06-30", "2010-01-01");
    private static final int MIB = 1024 * 1024;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    RawHttp http;
    MockHttp mock;
    List<JsonNode> structuresBefore;
    /** The sequence of a change of cat-division that is retracted already (set up once). */
    static long retractedSequence;

    /** What the catalogue expects of one bad request. */
    record Bad(String name, RawHttp.Request request, int status, String code, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void recordWhatTheBadRequestsRunInto() {
        http = new RawHttp(port);
        mock = new MockHttp(mvc);
        // the Spring context, and so the ledger, may be shared with other test classes
        http.acceptOnce(RawHttp.registrar("POST", "/api/instruments").json("""
                {"symbol": "TEST/SECURITY/1", "kind": "BULLETIN", "title": {"en": "Organization of the Secretariat"},
                 "issuedOn": "2002-01-01", "effectiveFrom": "2002-01-01"}"""));
        accept(RawHttp.registrar("POST", "/api/units").json(establish("cat-division", "DIVISION", null)));
        accept(RawHttp.registrar("POST", "/api/units").json(establish("cat-parent", "OFFICE", null)));
        accept(RawHttp.registrar("POST", "/api/units").json(establish("cat-parent/child", "SECTION", "cat-parent")));
        accept(RawHttp.registrar("POST", "/api/units/functions/cat-division").json("""
                {"functionId": "f-one", "text": {"en": "Monitors"}, "effectiveFrom": "2002-03-01", "authority": %s}"""
                .formatted(AUTHORITY)));
        // a parent whose abolition is recorded for a later day, and a change retracted already
        accept(RawHttp.registrar("POST", "/api/units").json(establish("cat-ending", "OFFICE", null)));
        accept(posting("/api/units/abolish/cat-ending", """
                {"closure": "ABOLISHED", "effectiveFrom": "2005-01-01", "authority": %s}""".formatted(AUTHORITY)));
        RawHttp.Response renamed = http.send(posting("/api/units/rename/cat-division", """
                {"name": {"en": "Division renamed by mistake"}, "effectiveFrom": "2002-05-01", "authority": %s}"""
                .formatted(AUTHORITY)));
        assertThat(renamed.status()).as(renamed.text()).isBetween(200, 299);
        retractedSequence = renamed.json().get("sequences").get(0).asLong();
        accept(posting("/api/units/retract/cat-division", "{\"sequence\": " + retractedSequence
                + ", \"reason\": \"recorded by mistake\", \"authority\": " + AUTHORITY + "}"));
        structuresBefore = structures();
    }

    @AfterAll
    void the_structure_on_every_date_is_as_before_the_catalogue() {
        if (structuresBefore != null) { // else the set-up failed, and said so
            assertThat(structures()).isEqualTo(structuresBefore);
        }
    }

    static Stream<Bad> catalogue() {
        List<Bad> bad = new ArrayList<>();
        // not JSON
        bad.add(new Bad("truncated JSON", establishing("{\"id\": "), 400, "MALFORMED_JSON", null));
        bad.add(new Bad("not JSON at all", establishing("hello"), 400, "MALFORMED_JSON", null));
        bad.add(new Bad("empty body", establishing(""), 400, "MALFORMED_JSON", null));
        bad.add(new Bad("trailing comma", establishing("{\"id\": \"x\",}"), 400, "MALFORMED_JSON", null));
        // wrong types
        bad.add(new Bad("an array for the body", establishing("[]"), 400, "INVALID_INPUT", null));
        bad.add(new Bad("a number for the id", establishing(body("\"id\": 5")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("a string for the name", establishing(body("\"name\": \"Habitat\"")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a number for the date", establishing(body("\"effectiveFrom\": 20020101")), 400, "INVALID_INPUT",
                "effectiveFrom"));
        bad.add(new Bad("a string for the authority", establishing(body("\"authority\": \"" + SGB + "\"")), 400,
                "INVALID_INPUT", "authority"));
        bad.add(new Bad("a number for the provision",
                establishing(body("\"authority\": {\"instrument\": \"" + SGB + "\", \"provision\": 7}")), 400,
                "INVALID_INPUT", "authority.provision"));
        // enums
        bad.add(new Bad("an unknown kind", establishing(body("\"kind\": \"GALAXY\"")), 400, "INVALID_INPUT", "kind"));
        bad.add(new Bad("a kind by number", establishing(body("\"kind\": 0")), 400, "INVALID_INPUT", "kind"));
        bad.add(new Bad("a lowercase kind", establishing(body("\"kind\": \"division\"")), 400, "INVALID_INPUT", "kind"));
        bad.add(new Bad("an unknown closure", posting("/api/units/abolish/cat-division", """
                {"closure": "EVAPORATED", "effectiveFrom": "2003-01-01", "authority": %s}""".formatted(AUTHORITY)),
                400, "INVALID_INPUT", "closure"));
        // dates
        bad.add(new Bad("the 30th of February", establishing(body("\"effectiveFrom\": \"2002-02-30\"")), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("a thirteenth month", establishing(body("\"effectiveFrom\": \"2002-13-01\"")), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("a date written day first", establishing(body("\"effectiveFrom\": \"30/01/2002\"")), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("an empty date", establishing(body("\"effectiveFrom\": \"\"")), 400, "INVALID_INPUT",
                "effectiveFrom"));
        // missing fields
        bad.add(new Bad("no effective date", establishing(body("\"effectiveFrom\": null")), 400, "INVALID_INPUT",
                "effectiveFrom"));
        bad.add(new Bad("no authority", establishing(body("\"authority\": null")), 400, "INVALID_INPUT", "authority"));
        bad.add(new Bad("no provision", establishing(body("\"authority\": {\"instrument\": \"" + SGB + "\"}")), 400,
                "INVALID_INPUT", "authority.provision"));
        bad.add(new Bad("no retraction reason", posting("/api/units/retract/cat-division",
                "{\"sequence\": 1, \"authority\": " + AUTHORITY + "}"), 400, "INVALID_INPUT", "reason"));
        // ids that are not slugs
        bad.add(new Bad("an uppercase id", establishing(body("\"id\": \"Cat-Upper\"")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("an id with ..", establishing(body("\"id\": \"cat/../etc\"")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("an id with a space", establishing(body("\"id\": \"cat x\"")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("an id with a control character", establishing(body("\"id\": \"cat\\u0000x\"")), 400,
                "INVALID_INPUT", "id"));
        bad.add(new Bad("an id with a leading slash", establishing(body("\"id\": \"/cat\"")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("an id with %2F", establishing(body("\"id\": \"cat%2Fx\"")), 400, "INVALID_INPUT", "id"));
        bad.add(new Bad("an overlong id", establishing(body("\"id\": \"" + "a".repeat(201) + "\"")), 400,
                "INVALID_INPUT", "id"));
        bad.add(new Bad("a parent id that is not a slug", establishing(body("\"parentId\": \"Cat_Parent\"")), 400,
                "INVALID_INPUT", "parentId"));
        bad.add(new Bad("a function id with uppercase", posting("/api/units/functions/cat-division", """
                {"functionId": "F-Two", "text": {"en": "x"}, "effectiveFrom": "2002-03-01", "authority": %s}"""
                .formatted(AUTHORITY)), 400, "INVALID_INPUT", "functionId"));
        bad.add(new Bad("a successor id that is not a slug", posting("/api/units/abolish/cat-division", """
                {"closure": "MERGED_INTO", "successorIds": ["Not A Slug"], "effectiveFrom": "2003-01-01",
                 "authority": %s}""".formatted(AUTHORITY)), 400, "INVALID_INPUT", "successorIds[0]"));
        bad.add(new Bad("a lowercase instrument symbol",
                establishing(body("\"authority\": {\"instrument\": \"st/sgb/2002/14\", \"provision\": \"1\"}")), 400,
                "INVALID_INPUT", "authority.instrument"));
        bad.add(new Bad("an overlong provision", establishing(body(
                "\"authority\": {\"instrument\": \"" + SGB + "\", \"provision\": \"" + "1".repeat(41) + "\"}")), 400,
                "INVALID_INPUT", "authority.provision"));
        bad.add(new Bad("a head level that is not a grade", posting("/api/units/head/cat-division", """
                {"title": {"en": "Director"}, "level": "boss", "effectiveFrom": "2002-03-01", "authority": %s}"""
                .formatted(AUTHORITY)), 400, "INVALID_INPUT", "level"));
        // ids in the path
        bad.add(new Bad("an uppercase unit id in the path", posting("/api/units/rename/Cat-Division", rename()), 400,
                "INVALID_INPUT", "unitId"));
        bad.add(new Bad("an encoded / in the path", posting("/api/units/rename/cat%2Fdivision", rename()), 400,
                "INVALID_INPUT", null));
        bad.add(new Bad("a .. segment in the path", posting("/api/units/rename/cat-parent/../cat-division", rename()),
                400, "INVALID_INPUT", null));
        bad.add(new Bad("an encoded . segment in the path", posting("/api/units/rename/cat-parent/%2E%2E/x", rename()),
                400, "INVALID_INPUT", null));
        bad.add(new Bad("an encoded control character in the path",
                posting("/api/units/rename/cat%00division", rename()), 400, "INVALID_INPUT", null));
        bad.add(new Bad("an encoded line feed in the path",
                posting("/api/units/rename/cat%0Adivision", rename()), 400, "INVALID_INPUT", null));
        bad.add(new Bad("a lowercase symbol in the path", posting("/api/instruments/supersede/st/sgb/2002/14",
                "{\"supersededBy\": \"" + SGB + "\", \"effectiveFrom\": \"2003-01-01\", \"provision\": \"1\"}"),
                400, "INVALID_INPUT", "symbol"));
        // languages and texts
        bad.add(new Bad("no language in the name", establishing(body("\"name\": {}")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a blank name", establishing(body("\"name\": {\"en\": \"  \"}")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a name under a bad language tag", establishing(body("\"name\": {\"EN!\": \"x\"}")), 400,
                "INVALID_INPUT", "name"));
        bad.add(new Bad("an overlong name", establishing(body("\"name\": {\"en\": \"" + "n".repeat(4001) + "\"}")),
                400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a name with a control character", establishing(body("\"name\": {\"en\": \"a\\u0007b\"}")),
                400, "INVALID_INPUT", "name"));
        bad.add(new Bad("an instrument without a title", posting("/api/instruments", """
                {"symbol": "ST/SGB/2003/1", "kind": "BULLETIN", "title": {}, "issuedOn": "2003-01-01",
                 "effectiveFrom": "2003-01-01"}"""), 400, "INVALID_INPUT", "title"));
        // media types and sizes
        bad.add(new Bad("text/plain", RawHttp.registrar("POST", "/api/units").body("text/plain", body("")), 415,
                "UNSUPPORTED_MEDIA_TYPE", null));
        bad.add(new Bad("a form", RawHttp.registrar("POST", "/api/units").body("application/x-www-form-urlencoded", "id=x"), 415,
                "UNSUPPORTED_MEDIA_TYPE", null));
        bad.add(new Bad("XML", RawHttp.registrar("POST", "/api/units").body("application/xml", "<unit/>"), 415,
                "UNSUPPORTED_MEDIA_TYPE", null));
        bad.add(new Bad("no media type", RawHttp.registrar("POST", "/api/units").body(null, body("")), 415,
                "UNSUPPORTED_MEDIA_TYPE", null));
        bad.add(new Bad("a body over 1 MiB", RawHttp.registrar("POST", "/api/units")
                .bytes("application/json", oversize(), false), 413, "PAYLOAD_TOO_LARGE", null));
        bad.add(new Bad("a chunked body over 1 MiB", RawHttp.registrar("POST", "/api/units")
                .bytes("application/json", oversize(), true), 413, "PAYLOAD_TOO_LARGE", null));
        // unknown units and instruments
        bad.add(new Bad("renaming an unknown unit", posting("/api/units/rename/no-such-unit", rename()), 404,
                "UNKNOWN_UNIT", null));
        bad.add(new Bad("citing an unknown instrument", establishing(body(
                "\"authority\": {\"instrument\": \"A/RES/99/999\", \"provision\": \"1\"}")), 404, "UNKNOWN_INSTRUMENT",
                null));
        bad.add(new Bad("superseding an unknown instrument", posting("/api/instruments/supersede/ST/SGB/9999/1",
                "{\"supersededBy\": \"" + SGB + "\", \"effectiveFrom\": \"2003-01-01\", \"provision\": \"1\"}"),
                404, "UNKNOWN_INSTRUMENT", null));
        // rules of the ledger
        bad.add(new Bad("establishing an existing unit", establishing(establish("cat-division", "DIVISION", null)), 409,
                "UNIT_ALREADY_EXISTS", null));
        bad.add(new Bad("a parent not in force", establishing(body("\"parentId\": \"cat-nowhere\"")), 409,
                "PARENT_NOT_IN_FORCE", null));
        bad.add(new Bad("an instrument not yet in force", establishing(body("\"effectiveFrom\": \"2001-06-30\"")), 409,
                "INSTRUMENT_NOT_IN_FORCE", null));
        bad.add(new Bad("a rename before establishment", posting("/api/units/rename/cat-division", """
                {"name": {"en": "x"}, "effectiveFrom": "2002-02-01", "authority": %s}""".formatted(AUTHORITY)), 409,
                "BEFORE_ESTABLISHMENT", null));
        bad.add(new Bad("a function id already used", posting("/api/units/functions/cat-division", """
                {"functionId": "f-one", "text": {"en": "again"}, "effectiveFrom": "2002-04-01", "authority": %s}"""
                .formatted(AUTHORITY)), 409, "FUNCTION_ID_TAKEN", null));
        bad.add(new Bad("withdrawing a function never assigned", posting("/api/units/withdraw-function/cat-division", """
                {"functionId": "f-none", "effectiveFrom": "2002-04-01", "authority": %s}""".formatted(AUTHORITY)), 409,
                "FUNCTION_NOT_ASSIGNED", null));
        bad.add(new Bad("vacating a head nobody holds", posting("/api/units/vacate-head/cat-division", """
                {"effectiveFrom": "2002-04-01", "authority": %s}""".formatted(AUTHORITY)), 409, "NO_HEAD_IN_FORCE", null));
        bad.add(new Bad("abolishing a unit with children", posting("/api/units/abolish/cat-parent", """
                {"closure": "ABOLISHED", "effectiveFrom": "2003-01-01", "authority": %s}""".formatted(AUTHORITY)), 409,
                "UNIT_HAS_CHILDREN_IN_FORCE", null));
        bad.add(new Bad("a merger without a successor", posting("/api/units/abolish/cat-division", """
                {"closure": "MERGED_INTO", "effectiveFrom": "2003-01-01", "authority": %s}""".formatted(AUTHORITY)), 409,
                "INVALID_SUCCESSORS", null));
        bad.add(new Bad("an instrument in force before it is issued", posting("/api/instruments", """
                {"symbol": "ST/SGB/2003/2", "kind": "BULLETIN", "title": {"en": "x"}, "issuedOn": "2003-02-01",
                 "effectiveFrom": "2003-01-01"}"""), 409, "INVALID_DATES", null));
        bad.add(new Bad("a parent abolished while the new unit would report to it", establishing(
                body("\"parentId\": \"cat-ending\"")), 409, "PARENT_ABOLISHED_WHILE_REPORTED_TO", null));
        bad.add(new Bad("retracting a change retracted already", posting("/api/units/retract/cat-division",
                "{\"sequence\": " + retractedSequence + ", \"reason\": \"again\", \"authority\": " + AUTHORITY + "}"),
                409, "CHANGE_ALREADY_RETRACTED", null));
        bad.add(new Bad("superseding an unknown instrument whose symbol has no letters",
                posting("/api/instruments/supersede/123",
                        "{\"supersededBy\": \"" + SGB + "\", \"effectiveFrom\": \"2003-01-01\", \"provision\": \"1\"}"),
                404, "UNKNOWN_INSTRUMENT", null));
        bad.add(new Bad("a structure in XML", RawHttp.registrar("GET", "/api/structure?asOf=2002-03-01")
                .header("Accept", "application/xml"), 406, "NOT_ACCEPTABLE", null));
        bad.add(new Bad("a proof against a tree never signed", RawHttp.registrar("GET",
                "/api/audit/proof?sequence=1&treeSize=999999999"), 404, "UNKNOWN_TREE_SIZE", null));
        bad.add(new Bad("retracting what is not a change of the unit", posting("/api/units/retract/cat-division",
                "{\"sequence\": 999999, \"reason\": \"typo\", \"authority\": " + AUTHORITY + "}"), 409,
                "CHANGE_NOT_RETRACTABLE", null));
        // paths, methods, query parameters
        bad.add(new Bad("an unknown path", RawHttp.registrar("GET", "/api/nothing-here"), 404, "NOT_FOUND", null));
        bad.add(new Bad("a write to an unknown path", posting("/api/nothing-here", "{}"), 404, "NOT_FOUND", null));
        bad.add(new Bad("GET on a command", RawHttp.registrar("GET", "/api/units/rename/cat-division"), 405,
                "METHOD_NOT_ALLOWED", null));
        bad.add(new Bad("DELETE on the units", RawHttp.registrar("DELETE", "/api/units"), 405, "METHOD_NOT_ALLOWED", null));
        bad.add(new Bad("a structure without a date", RawHttp.registrar("GET", "/api/structure"), 400, "MISSING_PARAMETER", "asOf"));
        bad.add(new Bad("a structure on the 30th of February", RawHttp.registrar("GET", "/api/structure?asOf=2002-02-30"), 400,
                "INVALID_DATE", "asOf"));
        bad.add(new Bad("a structure known at no instant",
                RawHttp.registrar("GET", "/api/structure?asOf=2002-03-01&knownAt=yesterday"), 400, "INVALID_INSTANT", "knownAt"));
        // issue 11: the ledger's date range (1000-01-01 to 9999-12-31) on every date
        bad.add(new Bad("an instrument dated -4713-01-01", posting("/api/instruments", """
                {"symbol": "ST/SGB/2003/3", "kind": "BULLETIN", "title": {"en": "x"}, "issuedOn": "-4713-01-01",
                 "effectiveFrom": "-4713-01-01"}"""), 400, "INVALID_INPUT", "issuedOn"));
        bad.add(new Bad("a rename in year 5874898", posting("/api/units/rename/cat-division", """
                {"name": {"en": "x"}, "effectiveFrom": "+5874898-01-01", "authority": %s}""".formatted(AUTHORITY)), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("an establishment in year 999", establishing(body("\"effectiveFrom\": \"0999-12-31\"")), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("an establishment in year 10000", establishing(body("\"effectiveFrom\": \"+10000-01-01\"")), 400,
                "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("a supersession in year 0", posting("/api/instruments/supersede/" + SGB,
                "{\"supersededBy\": \"" + SGB + "\", \"effectiveFrom\": \"0000-01-01\", \"provision\": \"1\"}"),
                400, "INVALID_INPUT", "effectiveFrom"));
        bad.add(new Bad("a structure as of year 5874898", RawHttp.registrar("GET", "/api/structure?asOf=%2B5874898-01-01"), 400,
                "INVALID_DATE", "asOf"));
        bad.add(new Bad("a structure known at 4714 BC",
                RawHttp.registrar("GET", "/api/structure?asOf=2002-03-01&knownAt=-4714-11-24T00:00:00Z"), 400,
                "INVALID_INSTANT", "knownAt"));
        bad.add(new Bad("a timeline from year 999", RawHttp.registrar("GET", "/api/timeline?from=0999-01-01"), 400,
                "INVALID_DATE", "from"));
        bad.add(new Bad("a diff to year 10000", RawHttp.registrar("GET", "/api/structure/diff?from=2002-01-01&to=%2B10000-01-01"),
                400, "INVALID_DATE", "to"));
        bad.add(new Bad("a history known at year 99999",
                RawHttp.registrar("GET", "/api/units/cat-division/history?knownAt=%2B99999-01-01T00:00:00Z"), 400,
                "INVALID_INSTANT", "knownAt"));
        bad.add(new Bad("an export as of year 999", RawHttp.registrar("GET", "/api/export/structure?asOf=0999-12-31"), 400,
                "INVALID_INPUT", "asOf"));
        bad.add(new Bad("an audit log recorded from year 999",
                RawHttp.registrar("GET", "/api/audit/log?recordedFrom=0999-01-01T00:00:00Z"), 400, "INVALID_INPUT", "recordedFrom"));
        // issue 11: text the read side could not keep as written
        bad.add(new Bad("a name that is a lone surrogate", establishing(bodyWithRaw("name", "{\"en\": \"\\ud800\"}")),
                400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a name of zero-width characters only",
                establishing(body("\"name\": {\"en\": \"\\u200b\\ufeff\"}")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a name with a right-to-left override",
                establishing(body("\"name\": {\"en\": \"Division\\u202e noisiviD\"}")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("a name with a bidi isolate",
                establishing(body("\"name\": {\"en\": \"\\u2067Division\\u2069\"}")), 400, "INVALID_INPUT", "name"));
        bad.add(new Bad("an instrument title that is a lone surrogate", posting("/api/instruments", """
                {"symbol": "ST/SGB/2003/4", "kind": "BULLETIN", "title": {"en": "\\udc00"}, "issuedOn": "2003-01-01",
                 "effectiveFrom": "2003-01-01"}"""), 400, "INVALID_INPUT", "title"));
        bad.add(new Bad("a function text without a visible character", posting("/api/units/functions/cat-division", """
                {"functionId": "f-blank", "text": {"en": "\\u3164\\u200b"}, "effectiveFrom": "2002-03-01", "authority": %s}"""
                .formatted(AUTHORITY)), 400, "INVALID_INPUT", "text"));
        bad.add(new Bad("a head title with a bidi override", posting("/api/units/head/cat-division", """
                {"title": {"en": "\\u202dDirector"}, "effectiveFrom": "2002-03-01", "authority": %s}""".formatted(AUTHORITY)),
                400, "INVALID_INPUT", "title"));
        bad.add(new Bad("a retraction reason that is a lone surrogate", posting("/api/units/retract/cat-division",
                "{\"sequence\": 1, \"reason\": \"\\ud83d\", \"authority\": " + AUTHORITY + "}"), 400, "INVALID_INPUT",
                "reason"));
        // issue 11: bad requests that answered 5xx
        bad.add(new Bad("GET /error", RawHttp.registrar("GET", "/error"), 404, "NOT_FOUND", null));
        bad.add(new Bad("POST /error", posting("/error", "{}"), 404, "NOT_FOUND", null));
        bad.add(new Bad("PUT /error", RawHttp.registrar("PUT", "/error").json("{}"), 404, "NOT_FOUND", null));
        bad.add(new Bad("DELETE /error", RawHttp.registrar("DELETE", "/error"), 404, "NOT_FOUND", null));
        bad.add(new Bad("GET /api/units", RawHttp.registrar("GET", "/api/units"), 405, "METHOD_NOT_ALLOWED", null));
        bad.add(new Bad("a rename without a unit id", posting("/api/units/rename/", rename()), 400, "INVALID_INPUT",
                "unitId"));
        bad.add(new Bad("a retraction without a unit id", posting("/api/units/retract/",
                "{\"sequence\": 1, \"reason\": \"typo\", \"authority\": " + AUTHORITY + "}"), 400, "INVALID_INPUT",
                "unitId"));
        bad.add(new Bad("a supersession without a symbol", posting("/api/instruments/supersede",
                "{\"supersededBy\": \"" + SGB + "\", \"effectiveFrom\": \"2003-01-01\", \"provision\": \"1\"}"), 400,
                "INVALID_INPUT", "symbol"));
        bad.add(new Bad("a NUL in an audit filter", RawHttp.registrar("GET", "/api/audit/log?unitId=un-habitat%00"), 400,
                "INVALID_INPUT", "unitId"));
        bad.add(new Bad("a line feed in an audit filter", RawHttp.registrar("GET", "/api/audit/log?instrument=ST%0A"), 400,
                "INVALID_INPUT", "instrument"));
        bad.add(new Bad("a NUL in an import's file name", RawHttp.registrar("POST", "/api/imports?fileName=a%00.yaml")
                .body("application/yaml", "format: orgledger-bulletin/1\n"), 400, "INVALID_INPUT", "fileName"));
        bad.add(new Bad("TRACE", RawHttp.registrar("TRACE", "/api/structure?asOf=2002-03-01"), 405, "METHOD_NOT_ALLOWED", null));
        bad.add(new Bad("a key given twice", establishing("""
                {"id": "cat-twice", "id": "cat-twice-2", "kind": "OFFICE", "name": {"en": "Twice"},
                 "effectiveFrom": "2002-03-01", "authority": %s}""".formatted(AUTHORITY)), 400, "MALFORMED_JSON", null));
        bad.add(new Bad("a key given twice in a nested object", establishing("""
                {"id": "cat-twice", "kind": "OFFICE", "name": {"en": "Twice", "en": "Again"},
                 "effectiveFrom": "2002-03-01", "authority": %s}""".formatted(AUTHORITY)), 400, "MALFORMED_JSON", null));
        // who may write
        bad.add(new Bad("a write without credentials", new RawHttp.Request("POST", "/api/units")
                .json(establish("cat-anonymous", "OFFICE", null)), 401, "UNAUTHENTICATED", null));
        bad.add(new Bad("a write with a wrong password", new RawHttp.Request("POST", "/api/units")
                .as(TestUsers.REGISTRAR, "wrong").json(establish("cat-wrong", "OFFICE", null)), 401, "UNAUTHENTICATED",
                null));
        bad.add(new Bad("a write by the auditor", new RawHttp.Request("POST", "/api/units")
                .as(TestUsers.AUDITOR, TestUsers.AUDITOR).json(establish("cat-auditor", "OFFICE", null)), 403,
                "FORBIDDEN", null));
        bad.add(new Bad("a write from another origin", establishing(establish("cat-cross-site", "OFFICE", null))
                .header("Origin", "https://evil.example"), 403, "FORBIDDEN", null));
        return bad.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void a_bad_request_is_refused_with_a_problem_and_changes_nothing(Bad bad) {
        long eventsBefore = events();
        String readModelsBefore = readModels();

        RawHttp.Response response = MockHttp.needsServer(bad.request()) ? http.send(bad.request())
                : mock.send(bad.request());

        assertThat(response.status()).as(bad.name() + ": " + response.text()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(bad.name()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).as(bad.name() + ": " + problem).isEqualTo(bad.code());
        assertThat(ErrorCatalogue.byName(bad.code())).as(bad.code() + " in the error catalogue").isPresent();
        assertThat(problem.path("status").asInt()).isEqualTo(bad.status());
        if (bad.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as(bad.name() + ": " + problem).contains(bad.field());
        }
        assertThat(events()).as("events after " + bad.name()).isEqualTo(eventsBefore);
        assertThat(readModels()).as("read models after " + bad.name()).isEqualTo(readModelsBefore);
    }

    /** HEAD, and every other method, on a protected path follows the rule of its GET (issue 11). */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource({"HEAD, /actuator/rebuild", "HEAD, /actuator", "HEAD, /actuator/info",
            "POST, /actuator/rebuild", "PUT, /actuator/rebuild", "DELETE, /actuator/rebuild", "OPTIONS, /actuator/rebuild",
            "HEAD, /api/audit/verify", "OPTIONS, /api/audit/log"})
    void no_method_reaches_a_protected_path_anonymously(String method, String path) {
        long eventsBefore = events();

        RawHttp.Response response = http.send(new RawHttp.Request(method, path));

        assertThat(response.status()).as(method + " " + path + ": " + response.text()).isEqualTo(401);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @org.junit.jupiter.api.Test
    void the_auditor_may_run_the_check_but_not_the_rebuild() {
        assertThat(http.send(new RawHttp.Request("HEAD", "/actuator/rebuild").as(TestUsers.AUDITOR, TestUsers.AUDITOR))
                .status()).isEqualTo(200);
        assertThat(http.send(new RawHttp.Request("POST", "/actuator/rebuild").as(TestUsers.AUDITOR, TestUsers.AUDITOR))
                .status()).isEqualTo(403);
    }

    /** OPTIONS tells what a path takes: a command path takes POST, never GET (issue 11). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/units", "/api/units/rename/cat-division",
            "/api/units/retract/cat-division", "/api/units/abolish/cat-parent/child",
            "/api/instruments/supersede/" + SGB})
    void options_on_a_command_path_advertises_post_only(String path) {
        RawHttp.Response response = http.send(RawHttp.registrar("OPTIONS", path));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Allow")).contains("POST").doesNotContain("GET").doesNotContain("HEAD");
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    /** A digest of every row of the read models and the command-side lookups. */
    private String readModels() {
        return jdbc.queryForObject("""
                SELECT md5(concat_ws('|',
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM structure_fact t),
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM structure_assertion t),
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM change_log t),
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM instrument_view t),
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM unit_registry t),
                    (SELECT string_agg(t::text, ',' ORDER BY t::text) FROM instrument_registry t)))""", String.class);
    }

    private List<JsonNode> structures() {
        return DATES.stream().map(date -> {
            RawHttp.Response response = http.send(new RawHttp.Request("GET", "/api/structure?asOf=" + date));
            assertThat(response.status()).isEqualTo(200);
            return response.json().get("units");
        }).toList();
    }

    private void accept(RawHttp.Request request) {
        RawHttp.Response response = http.send(request);
        assertThat(response.status()).as(request + ": " + response.text()).isBetween(200, 299);
    }


    private static RawHttp.Request posting(String path, String json) {
        return RawHttp.registrar("POST", path).json(json);
    }

    private static RawHttp.Request establishing(String json) {
        return posting("/api/units", json);
    }

    private static String establish(String id, String kind, String parentId) {
        return """
                {"id": "%s", "kind": "%s", "name": {"en": "%s"}, %s"effectiveFrom": "2002-03-01", "authority": %s}"""
                .formatted(id, kind, id, parentId == null ? "" : "\"parentId\": \"" + parentId + "\", ", AUTHORITY);
    }

    /** A valid establishment of {@code cat-new}, with one field replaced or added. */
    private static String body(String override) {
        String valid = establish("cat-new", "OFFICE", null);
        if (override.isEmpty()) {
            return valid;
        }
        try {
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
                    .readTree(valid);
            body.setAll((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree("{" + override + "}"));
            return JSON.writeValueAsString(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(override, e);
        }
    }

    /** {@code body(override)} written by hand, for what a JSON library would not write (a lone surrogate). */
    private static String bodyWithRaw(String key, String rawJsonValue) {
        String valid = establish("cat-new", "OFFICE", null);
        return valid.replaceFirst("\\{", "{\"" + key + "\": " + java.util.regex.Matcher.quoteReplacement(rawJsonValue)
                + ", ").replace("\"name\": {\"en\": \"cat-new\"}, ", "");
    }

    private static String rename() {
        return "{\"name\": {\"en\": \"Renamed\"}, \"effectiveFrom\": \"2002-04-01\", \"authority\": " + AUTHORITY + "}";
    }

    private static byte[] oversize() {
        String padding = "x".repeat(MIB + 16);
        return body("\"padding\": \"" + padding + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
