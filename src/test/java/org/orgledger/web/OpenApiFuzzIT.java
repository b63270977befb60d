package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fuzzing from the service's own OpenAPI description: for every operation in
 * {@code /v3/api-docs}, requests generated from its parameters and body schema (valid values,
 * values just outside the published rules, wrong types, missing fields, hostile text), from a
 * seeded generator ({@code -Dorgledger.fuzz.seed=N}). No answer may be a 5xx; every refusal is
 * problem+json with a {@code code}; a refused request appends nothing; and afterwards the hash
 * chain verifies and the read models agree with the log.
 */
@LedgerIntegrationTest
class OpenApiFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int REQUESTS_PER_OPERATION = 24;
    private static final String LONE_SURROGATE = "@@lone-surrogate@@";
    private static final String SYMBOL = "TEST/FUZZ/1";
    private static final List<String> UNITS = List.of("fuzz-unit", "fuzz-unit/child");
    private static final List<String> METHODS_NOT_IN_THE_DESCRIPTION = List.of("PUT", "DELETE", "PATCH", "TRACE", "HEAD",
            "OPTIONS");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReadModelBarrier barrier;

    RawHttp http;
    Random random;
    long seed;
    JsonNode description;
    final List<String> failures = new ArrayList<>();
    final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    int sent;

    @Test
    void no_generated_request_gets_a_5xx_or_a_non_problem_refusal_or_appends_when_refused() {
        http = new RawHttp(port);
        seed = Long.getLong("orgledger.fuzz.seed", 11L);
        random = new Random(seed);
        recordWhatTheRequestsRunInto();
        description = http.send(new RawHttp.Request("GET", "/v3/api-docs")).json();

        Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            List<String> described = new ArrayList<>();
            JsonNode anyOperation = NODES.objectNode();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> operation = methods.next();
                described.add(operation.getKey().toUpperCase());
                anyOperation = operation.getValue();
                operations++;
                for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                    send(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
                }
            }
            for (String method : METHODS_NOT_IN_THE_DESCRIPTION) {
                if (!described.contains(method)) {
                    // the same path and parameters, with a method the path does not take
                    ObjectNode withoutBody = anyOperation.deepCopy();
                    withoutBody.remove("requestBody");
                    send(method, path.getKey(), withoutBody);
                }
            }
        }

        assertThat(operations).as("operations in the description").isGreaterThan(20);
        assertThat(failures).as("seed " + seed + ", " + sent + " requests").isEmpty();
        // the generator reaches past the syntax: some requests are recorded, some broken, some break a rule
        assertThat(statuses).as("answers by status, seed " + seed).containsKeys(200, 201, 400, 404, 405, 409);
        JsonNode verify = http.send(auditor("GET", "/api/audit/verify")).json();
        assertThat(verify.path("valid").asBoolean()).as(verify.toString()).isTrue();
        JsonNode check = http.send(auditor("GET", "/actuator/rebuild")).json();
        assertThat(check.path("consistent").asBoolean()).as(check.toString()).isTrue();
    }

    private void recordWhatTheRequestsRunInto() {
        http.acceptOnce(RawHttp.registrar("POST", "/api/instruments").json("""
                {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Fuzzing"}, "issuedOn": "2001-01-01",
                 "effectiveFrom": "2001-01-01"}""".formatted(SYMBOL)));
        http.acceptOnce(RawHttp.registrar("POST", "/api/units").json("""
                {"id": "fuzz-unit", "kind": "OFFICE", "name": {"en": "Fuzz"}, "effectiveFrom": "2001-01-01",
                 "authority": {"instrument": "%s", "provision": "1"}}""".formatted(SYMBOL)));
        http.acceptOnce(RawHttp.registrar("POST", "/api/units").json("""
                {"id": "fuzz-unit/child", "kind": "SECTION", "name": {"en": "Fuzz child"}, "parentId": "fuzz-unit",
                 "effectiveFrom": "2001-01-01", "authority": {"instrument": "%s", "provision": "1"}}""".formatted(SYMBOL)));
    }

    private void send(String method, String template, JsonNode operation) {
        RawHttp.Request request = new RawHttp.Request(method, path(template, operation) + query(operation));
        int who = random.nextInt(10);
        if (who < 8) {
            request.as(TestUsers.REGISTRAR, TestUsers.REGISTRAR);
        } else if (who == 8) {
            request.as(TestUsers.AUDITOR, TestUsers.AUDITOR);
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            request.json(body(content.path("application/json").path("schema")));
        } else if (content.fieldNames().hasNext()) {
            request.body(content.fieldNames().next(), yaml());
        }
        long before = settledHead();
        RawHttp.Response response = http.send(request);
        sent++;
        statuses.merge(response.status(), 1, Integer::sum);
        String what = method + " " + request.path + " " + (request.body == null ? ""
                : new String(request.body, StandardCharsets.UTF_8).replace('\n', ' '));
        if (response.status() >= 500) {
            failures.add(response.status() + " for " + what + ": " + response.text());
            return;
        }
        if (response.status() >= 400) {
            if (!"HEAD".equals(method)) {
                JsonNode problem = parse(response.text());
                if (!response.contentType().startsWith("application/problem+json") || problem == null
                        || problem.path("code").asText().isEmpty()) {
                    failures.add("not a problem with a code: " + response.status() + " " + response.contentType()
                            + " for " + what + ": " + response.text());
                }
            }
            long after = settledHead();
            if (after != before) {
                failures.add("refused with " + response.status() + " but the log grew from " + before + " to " + after
                        + ": " + what);
            }
        }
    }

    /** The number of events once every process that reacts to events (supersessions) has caught up. */
    private long settledHead() {
        long head;
        do {
            head = barrier.head();
            barrier.awaitProcessed(head, Duration.ofSeconds(10));
        } while (head != barrier.head());
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private String path(String template, JsonNode operation) {
        String path = template;
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                String value = switch (name) {
                    case "unitId" -> pick(unitId(), unitId(), unitId(), "", "Not-A-Slug", "fuzz-unit/../x", "fuzz%00unit");
                    case "symbol" -> pick(SYMBOL, SYMBOL, "ST/SGB/9999/1", "", "st/sgb/1", "A%2FB");
                    case "path" -> pick("fuzz-unit/history", "fuzz-unit/child/history", "nobody/history", "", "rename/x",
                            "fuzz-unit");
                    default -> pick("x", "");
                };
                path = path.replace("{" + name + "}", value);
            }
        }
        return path;
    }

    private String query(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())
                    || !parameter.path("required").asBoolean() && random.nextInt(3) == 0) {
                continue;
            }
            String name = parameter.path("name").asText();
            String value = queryValue(name, parameter.path("schema"));
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
        }
        return query.toString();
    }

    private String queryValue(String name, JsonNode schema) {
        boolean bad = random.nextInt(3) == 0;
        String value = switch (name) {
            case "asOf", "from", "to" -> bad ? pick(badDates()) : date();
            case "knownAt", "recordedFrom", "recordedTo" -> bad ? pick("-4714-11-24T00:00:00Z", "+5874898-01-01T00:00:00Z",
                    "yesterday", "2002-13-01T00:00:00Z", "0999-12-31T23:59:59Z") : date() + "T00:00:00Z";
            case "lang" -> pick("en", "zh", "EN!", "", "x".repeat(300));
            case "format" -> pick("jsonld", "turtle", "csv", "jsonl", "pdf", "");
            case "unitId", "instrument", "recordedBy", "fileName" -> pick("fuzz-unit", SYMBOL, "registrar", "%00", "a%0Ab", "%ED%A0%80",
                    "x".repeat(300));
            default -> "integer".equals(schema.path("type").asText())
                    ? pick("0", "1", "5", "-1", "99999999999999999999", "x", "1000", "1001") : pick("x", "");
        };
        return value.contains("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A body from the schema: valid, one field broken or missing, or not the right shape at all. */
    private String body(JsonNode schema) {
        int mode = random.nextInt(10);
        JsonNode body;
        if (mode < 3) {
            body = valid(resolve(schema));
        } else if (mode < 8) {
            body = valid(resolve(schema));
            if (body instanceof ObjectNode object && object.size() > 0) {
                List<String> fields = new ArrayList<>();
                object.fieldNames().forEachRemaining(fields::add);
                String field = fields.get(random.nextInt(fields.size()));
                if (random.nextInt(4) == 0) {
                    object.remove(field);
                } else {
                    object.set(field, broken());
                }
            }
        } else {
            body = broken();
        }
        String json = body.toString();
        if (mode == 9) {
            // a key given twice, which the strict reader refuses
            json = json.startsWith("{") && json.length() > 2 ? "{\"id\": \"a\", \"id\": \"b\", " + json.substring(1) : json;
        }
        return json.replace("\"" + LONE_SURROGATE + "\"", "\"\\ud800\"");
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        if (ref.isEmpty()) {
            return schema;
        }
        return description.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }

    private JsonNode valid(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        switch (schema.path("type").asText("object")) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (schema.has("additionalProperties") && !schema.has("properties")) {
                    object.put(pick("en", "zh", "fr"), text());
                    return object;
                }
                schema.path("properties").fields().forEachRemaining(property -> object.set(property.getKey(),
                        valueFor(property.getKey(), property.getValue())));
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(3);
                for (int i = 0; i < size; i++) {
                    array.add(valid(schema.path("items")));
                }
                return array;
            }
            case "integer":
                return NODES.numberNode((long) random.nextInt(50));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode("date".equals(schema.path("format").asText()) ? date()
                        : schema.path("example").asText("x"));
        }
    }

    /** A value within the published rules, from the pools the ledger knows (so rules are reached, not just syntax). */
    private JsonNode valueFor(String field, JsonNode schema) {
        return switch (field) {
            case "id", "parentId" -> NODES.textNode(unitId());
            case "successorIds" -> NODES.arrayNode().add(unitId());
            case "instrument", "symbol", "supersededBy" -> NODES.textNode(pick(SYMBOL, SYMBOL, "TEST/FUZZ/" + random.nextInt(5)));
            case "provision" -> NODES.textNode(pick("1", "2.1(a)", "11.2"));
            case "functionId" -> NODES.textNode("f-" + random.nextInt(4));
            case "level" -> NODES.textNode(pick("D-2", "ASG"));
            case "sequence" -> NODES.numberNode((long) random.nextInt(20));
            case "reason" -> NODES.textNode(text());
            default -> valid(schema);
        };
    }

    private JsonNode broken() {
        return switch (random.nextInt(16)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(5);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.textNode("");
            case 4 -> NODES.textNode("x".repeat(5000));
            case 5 -> NODES.textNode(pick(badDates()));
            case 6 -> NODES.objectNode();
            case 7 -> NODES.arrayNode().add(1);
            case 8 -> NODES.objectNode().put("EN!", "x");
            case 9 -> NODES.objectNode().put("en", pick("\u200b", "\ufeff\u200b", "a\u202eb", "\u2066x\u2069", " "));
            case 10 -> NODES.objectNode().put("en", LONE_SURROGATE);
            case 11 -> NODES.textNode(LONE_SURROGATE);
            case 12 -> NODES.textNode("Not A Slug/../x");
            case 13 -> NODES.textNode("a\u0000b");
            case 14 -> NODES.numberNode(Long.MAX_VALUE);
            default -> NODES.textNode("GALAXY");
        };
    }

    private String yaml() {
        int n = random.nextInt(1000);
        return switch (random.nextInt(4)) {
            case 0 -> """
                    format: orgledger-bulletin/1
                    instrument:
                      symbol: TEST/FUZZ/IMPORT/%d
                      kind: BULLETIN
                      title:
                        en: "%s"
                      issuedOn: "%s"
                      effectiveFrom: "%s"
                    units:
                      - id: fuzz-import-%d
                        kind: OFFICE
                        name:
                          en: "Imported"
                        provision: "1"
                    """.formatted(n, pick("Fuzz import", "\u200b", "a\u202eb"), pick("2001-01-01", "0999-01-01"),
                    pick("2001-01-01", "+10000-01-01", "2001-02-30"), n);
            case 1 -> "format: orgledger-bulletin/1\ninstrument: [1, 2]\n";
            case 2 -> "{{{ not yaml";
            default -> "";
        };
    }

    private String unitId() {
        return pick(UNITS.get(0), UNITS.get(1), "fuzz-new-" + random.nextInt(1000), "fuzz-unit/new-" + random.nextInt(1000));
    }

    private String date() {
        return pick(LocalDate.of(2001, 1, 1).plusDays(random.nextInt(4000)).toString(), "1000-01-01", "9999-12-31");
    }

    private static String[] badDates() {
        return new String[] {"0999-12-31", "+10000-01-01", "-4713-01-01", "+5874898-01-01", "2002-02-30", "2002-13-01",
                "30/01/2002", ""};
    }

    private String text() {
        return pick("Fuzz office", "方案支助司", "قسم", "Re\u0301gion", "a\u200bb", "x".repeat(4001), "\u200b", "a\u202eb");
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }


    private static RawHttp.Request auditor(String method, String path) {
        return new RawHttp.Request(method, path).as(TestUsers.AUDITOR, TestUsers.AUDITOR);
    }
}
