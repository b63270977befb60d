package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: a command whose command-side lookup fails in the appending transaction (there: a
 * date PostgreSQL could not hold) was answered 201 with no sequence while nothing was recorded.
 * The failure is forced here by a constraint on the lookup table, since the edge now refuses
 * such dates: the answer must be a failure, never an acknowledgement.
 */
@LedgerIntegrationTest
class AcknowledgedMeansRecordedIT {

    private static final String SYMBOL = "TEST/NOT-RECORDED/1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_command_whose_append_fails_inside_the_transaction_is_not_acknowledged() {
        RawHttp http = new RawHttp(port);
        long eventsBefore = events();
        jdbc.execute("ALTER TABLE instrument_registry ADD CONSTRAINT test_refuses_one_symbol CHECK (symbol <> '"
                + SYMBOL + "')");
        RawHttp.Response response;
        try {
            response = http.send(new RawHttp.Request("POST", "/api/instruments")
                    .as(TestUsers.REGISTRAR, TestUsers.REGISTRAR).json("""
                            {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Never recorded"},
                             "issuedOn": "2001-01-01", "effectiveFrom": "2001-01-01"}""".formatted(SYMBOL)));
        } finally {
            jdbc.execute("ALTER TABLE instrument_registry DROP CONSTRAINT test_refuses_one_symbol");
        }

        assertThat(response.status()).as(response.text()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isIn("INTERNAL_ERROR", "NOT_RECORDED");
        assertThat(events()).isEqualTo(eventsBefore);
        assertThat(http.send(new RawHttp.Request("GET", "/api/instruments/" + SYMBOL)).status()).isEqualTo(404);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
