package org.orgledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How optimistic concurrency surfaces. Appends are serialized by the ledger lock (decision 0002),
 * so two commands can no longer race to the same step of a unit's history over HTTP; the store's
 * own uniqueness of (aggregate, sequence number) stays the last line of defence. It is made to
 * answer here by hiding a recorded unit from the command-side lookup, so that establishing it
 * again passes the rule's guard and only the store refuses: 409 CONCURRENT_CHANGE, nothing appended.
 */
@LedgerIntegrationTest
class ConcurrentChangeIT {

    private static final String UNIT = "concurrent-change-unit";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_second_first_step_of_a_units_history_is_refused_as_a_concurrent_change() {
        RawHttp http = new RawHttp(port);
        String symbol = "TEST/CONCURRENT/1";
        http.acceptOnce(RawHttp.registrar("POST", "/api/instruments").json("""
                {"symbol": "%s", "kind": "BULLETIN", "title": {"en": "Concurrency test"},
                 "issuedOn": "1900-01-01", "effectiveFrom": "1900-01-01"}""".formatted(symbol)));
        String establish = """
                {"id": "%s", "kind": "OFFICE", "name": {"en": "Concurrent"}, "effectiveFrom": "2002-03-01",
                 "authority": {"instrument": "%s", "provision": "1"}}""".formatted(UNIT, symbol);
        http.acceptOnce(RawHttp.registrar("POST", "/api/units").json(establish));
        long eventsBefore = events();

        jdbc.execute("CREATE TABLE test_hidden_unit AS SELECT * FROM unit_registry WHERE unit_id = '" + UNIT + "'");
        RawHttp.Response response;
        try {
            jdbc.update("DELETE FROM unit_registry WHERE unit_id = ?", UNIT);
            response = http.send(RawHttp.registrar("POST", "/api/units").json(establish));
        } finally {
            jdbc.update("DELETE FROM unit_registry WHERE unit_id = ?", UNIT);
            jdbc.execute("INSERT INTO unit_registry SELECT * FROM test_hidden_unit");
            jdbc.execute("DROP TABLE test_hidden_unit");
        }

        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
