package org.orgledger;

import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Records the instruments a test cites; one already recorded (409) is fine. */
public final class TestInstruments {

    private TestInstruments() {
    }

    public static void promulgate(TestRestTemplate http, String symbol, String effectiveFrom) {
        if (http.getForEntity("/api/instruments/" + symbol, String.class).getStatusCode() == HttpStatus.OK) {
            return; // asking first keeps the log free of the aggregate's rejection warning
        }
        ResponseEntity<String> response = http.postForEntity("/api/instruments", Map.of(
                "symbol", symbol,
                "kind", symbol.startsWith("ST/SGB") ? "BULLETIN" : "RESOLUTION",
                "title", Map.of("en", "Instrument " + symbol),
                "issuedOn", effectiveFrom,
                "effectiveFrom", effectiveFrom), String.class);
        if (response.getStatusCode() != HttpStatus.CREATED && response.getStatusCode() != HttpStatus.CONFLICT) {
            throw new AssertionError("cannot record " + symbol + ": " + response);
        }
    }
}
