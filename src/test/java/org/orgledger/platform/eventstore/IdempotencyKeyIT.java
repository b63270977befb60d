package org.orgledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestInstruments;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client whose node died before it answered sends the command again, to another node, with the
 * same Idempotency-Key: the ledger records it once and answers the retry with the first receipt.
 * The receipt is read from the database, so which node answers does not matter (MultiNodeIT runs
 * several nodes; here one suffices to show the rule).
 */
@LedgerIntegrationTest
class IdempotencyKeyIT {

    private static final String SYMBOL = "TEST/IDEMPOTENT/1";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_command_sent_twice_with_one_key_is_recorded_once_and_both_answers_name_the_same_events() {
        TestInstruments.ensure(http, SYMBOL);
        String unit = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> establish = establishing(unit, "Keyed office");

        ResponseEntity<JsonNode> first = post("/api/units", establish, key);
        ResponseEntity<JsonNode> retry = post("/api/units", establish, key);

        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).as("%s", retry.getBody()).isEqualTo(201);
        assertThat(retry.getBody().path("sequences")).isEqualTo(first.getBody().path("sequences"));
        assertThat(eventsOf(unit)).isEqualTo(1);

        // a change: its retry with the key is answered as the first attempt was
        Map<String, Object> rename = Map.of("name", Map.of("en", "Keyed office, renamed"), "effectiveFrom", "2002-01-01",
                "authority", Map.of("instrument", SYMBOL, "provision", "2"));
        String renameKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> renamed = post("/api/units/rename/" + unit, rename, renameKey);
        ResponseEntity<JsonNode> renamedAgain = post("/api/units/rename/" + unit, rename, renameKey);
        assertThat(renamed.getStatusCode().value()).as("%s", renamed.getBody()).isEqualTo(200);
        assertThat(renamedAgain.getBody().path("sequences")).isEqualTo(renamed.getBody().path("sequences"));
        assertThat(eventsOf(unit)).isEqualTo(2);

        // the control: resent without its key, the same renaming is a new command, refused as changing
        // nothing; the client learns its first attempt was recorded, but not which events it made
        ResponseEntity<JsonNode> unkeyed = post("/api/units/rename/" + unit, rename, null);
        assertThat(unkeyed.getStatusCode().value()).as("%s", unkeyed.getBody()).isEqualTo(409);
        assertThat(unkeyed.getBody().path("code").asText()).isEqualTo("NO_CHANGE");
        assertThat(eventsOf(unit)).isEqualTo(2);
    }

    @Test
    void a_key_sent_again_with_another_request_is_refused_and_changes_nothing() {
        TestInstruments.ensure(http, SYMBOL);
        String unit = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        Map<String, Object> establish = establishing(unit, "Keyed office");
        ResponseEntity<JsonNode> first = post("/api/units", establish, key);
        assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(201);

        // another body with the key: answering with the first receipt would say the rename was recorded
        Map<String, Object> rename = Map.of("name", Map.of("en", "Renamed under a used key"), "effectiveFrom", "2002-01-01",
                "authority", Map.of("instrument", SYMBOL, "provision", "2"));
        ResponseEntity<JsonNode> otherPath = post("/api/units/rename/" + unit, rename, key);
        assertThat(otherPath.getStatusCode().value()).as("%s", otherPath.getBody()).isEqualTo(422);
        assertThat(otherPath.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(otherPath.getBody().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        ResponseEntity<JsonNode> otherBody = post("/api/units", establishing(unit, "Another name"), key);
        assertThat(otherBody.getStatusCode().value()).as("%s", otherBody.getBody()).isEqualTo(422);
        assertThat(otherBody.getBody().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf(unit)).isEqualTo(1);

        // the same rename under a new key is a new command, and recorded
        ResponseEntity<JsonNode> renamed = post("/api/units/rename/" + unit, rename, UUID.randomUUID().toString());
        assertThat(renamed.getStatusCode().value()).as("%s", renamed.getBody()).isEqualTo(200);
        assertThat(eventsOf(unit)).isEqualTo(2);
        // and the first request, resent with its key, is still answered with its receipt
        ResponseEntity<JsonNode> retry = post("/api/units", establish, key);
        assertThat(retry.getStatusCode().value()).as("%s", retry.getBody()).isEqualTo(201);
        assertThat(retry.getBody().path("sequences")).isEqualTo(first.getBody().path("sequences"));
    }

    @Test
    void a_malformed_key_is_refused_and_nothing_is_recorded() {
        TestInstruments.ensure(http, SYMBOL);
        String unit = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<JsonNode> refused = post("/api/units", establishing(unit, "Never"), "not a key!");
        assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(eventsOf(unit)).isZero();
    }

    private static Map<String, Object> establishing(String unit, String name) {
        return Map.of("id", unit, "kind", "OFFICE", "name", Map.of("en", name),
                "effectiveFrom", "2001-01-01", "authority", Map.of("instrument", SYMBOL, "provision", "1"));
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, Object> body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            headers.set(IdempotencyKeys.HEADER, key);
        }
        return TestUsers.registrar(http).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private long eventsOf(String unit) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                unit);
    }
}
