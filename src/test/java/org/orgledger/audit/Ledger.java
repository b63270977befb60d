package org.orgledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.orgledger.TestUsers;
import org.orgledger.TestInstruments;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Records changes through the public API, as a registrar would. */
final class Ledger {

    private Ledger() {
    }

    static long establish(TestRestTemplate http, String id, String kind, String name, String parentId, String instrument) {
        TestInstruments.ensure(http, instrument);
        Map<String, Object> body = new HashMap<>(Map.of(
                "id", id,
                "kind", kind,
                "name", Map.of("en", name),
                "effectiveFrom", "2002-05-15",
                "authority", Map.of("instrument", instrument, "provision", "1")));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        ResponseEntity<JsonNode> receipt = TestUsers.registrar(http).postForEntity("/api/units", body, JsonNode.class);
        assertThat(receipt.getStatusCode()).as("%s", receipt.getBody()).isEqualTo(HttpStatus.CREATED);
        return receipt.getBody().get("sequence").asLong();
    }

    static long establish(TestRestTemplate http, String id) {
        return establish(http, id, "OFFICE", "Office " + id, null, "TEST/AUDIT/1");
    }
}
