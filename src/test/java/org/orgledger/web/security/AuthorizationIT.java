package org.orgledger.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.OrgLedgerApplication;
import org.orgledger.TestProfiles;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who may write and read, by default: reads open, writes for the registrar only. */
@LedgerIntegrationTest
class AuthorizationIT {

    static final Map<String, Object> INSTRUMENT = Map.of("symbol", "TEST/SECURITY/1", "kind", "BULLETIN",
            "title", Map.of("en", "Organization of the Secretariat"), "issuedOn", "2002-01-01",
            "effectiveFrom", "2002-01-01");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void theInstrumentIsRecorded() {
        if (!jdbc.queryForObject("SELECT count(*) > 0 FROM instrument_registry WHERE symbol = 'TEST/SECURITY/1'",
                Boolean.class)) {
            assertThat(TestUsers.registrar(http).postForEntity("/api/instruments", INSTRUMENT, JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/units", "/api/instruments", "/api/units/rename/auth-unit",
            "/api/instruments/supersede/TEST/SECURITY/1", "/api/imports"})
    void an_anonymous_write_is_refused_as_unauthenticated_and_appends_nothing(String path) {
        long before = events();

        ResponseEntity<JsonNode> response = http.exchange(path, HttpMethod.POST, json(unit("auth-anonymous")),
                JsonNode.class);

        assertRefused(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/units", "/api/instruments", "/api/units/rename/auth-unit",
            "/api/instruments/supersede/TEST/SECURITY/1", "/api/imports"})
    void the_auditor_may_not_write(String path) {
        long before = events();

        ResponseEntity<JsonNode> response = TestUsers.auditor(http).exchange(path, HttpMethod.POST,
                json(unit("auth-auditor")), JsonNode.class);

        assertRefused(response, HttpStatus.FORBIDDEN, "FORBIDDEN");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_wrong_password_is_refused_as_unauthenticated() {
        long before = events();

        ResponseEntity<JsonNode> response = http.withBasicAuth(TestUsers.REGISTRAR, "not-the-password")
                .postForEntity("/api/units", unit("auth-wrong"), JsonNode.class);

        assertRefused(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_registrar_writes_and_is_recorded_as_the_one_who_did() {
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity("/api/units", unit("auth-registrar"),
                JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long sequence = response.getBody().get("sequence").asLong();
        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE global_index = ?", String.class,
                sequence);
        assertThat(metadata).contains("\"recordedBy\":\"registrar\"");
    }

    @Test
    void reads_health_and_the_api_description_are_open() {
        assertThat(http.getForEntity("/api/structure?asOf=2002-06-30", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/v3/api-docs", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_audit_endpoints_need_the_auditor_or_the_registrar() {
        assertRefused(http.getForEntity("/api/audit/verify", JsonNode.class), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
        // the endpoints themselves come with the audit work; here only that the roles get through
        assertThat(TestUsers.auditor(http).getForEntity("/api/audit/verify", JsonNode.class).getStatusCode().value())
                .isNotIn(401, 403);
        assertThat(TestUsers.registrar(http).getForEntity("/api/audit/verify", JsonNode.class).getStatusCode().value())
                .isNotIn(401, 403);
    }

    @Test
    void outside_the_embedded_default_the_ledger_does_not_start_without_passwords() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OrgLedgerApplication.class)
                .profiles(TestProfiles.active())
                .run("--server.port=0", "--orgledger.security.registrar-password=",
                        "--orgledger.security.auditor-password="))
                .hasRootCauseInstanceOf(LedgerUsers.MissingPasswords.class)
                .rootCause().hasMessageContaining("ORGLEDGER_REGISTRAR_PASSWORD")
                .hasMessageContaining("ORGLEDGER_AUDITOR_PASSWORD");
    }

    static void assertRefused(ResponseEntity<JsonNode> response, HttpStatus status, String code) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(response.getBody().get("code").asText()).isEqualTo(code);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    static Map<String, Object> unit(String id) {
        return Map.of("id", id, "kind", "OFFICE", "name", Map.of("en", id), "effectiveFrom", "2002-03-01",
                "authority", Map.of("instrument", "TEST/SECURITY/1", "provision", "1"));
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
