package org.orgledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Every change must cite an instrument in force: tests record the instruments they cite,
 * in force since 1900, with symbols of their own (test classes share one database).
 */
public final class TestInstruments {

    private TestInstruments() {
    }

    public static void ensure(TestRestTemplate http, String symbol) {
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity("/api/instruments", Map.of(
                "symbol", symbol, "kind", "OTHER", "title", Map.of("en", "Test instrument " + symbol),
                "issuedOn", "1900-01-01", "effectiveFrom", "1900-01-01"), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    }

    /** Records a test instrument in force from {@code effectiveFrom}, unless one is already recorded. */
    public static void promulgate(TestRestTemplate http, String symbol, String effectiveFrom) {
        if (http.getForEntity("/api/instruments/" + symbol, String.class).getStatusCode() == HttpStatus.OK) {
            return; // asking first keeps the log free of the aggregate's rejection warning
        }
        ResponseEntity<String> response = TestUsers.registrar(http).postForEntity("/api/instruments", Map.of(
                "symbol", symbol,
                "kind", symbol.startsWith("ST/SGB") ? "BULLETIN" : "RESOLUTION",
                "title", Map.of("en", "Instrument " + symbol),
                "issuedOn", effectiveFrom,
                "effectiveFrom", effectiveFrom), String.class);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    }
}
