package org.orgledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild resets every read model's tokens, so it needs every segment: while another node
 * keeps one claimed (its claim renewed, as a live node's is), the rebuild waits for it, then
 * refuses with 409 and resets nothing. A short claim timeout keeps the wait short.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "axon.eventhandling.tokenstore.claim-timeout=2s")
class RebuildWhileSegmentHeldElsewhereIT {

    private static final String OTHER_NODE = "4242@another-node";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_rebuild_while_another_node_keeps_a_segment_is_refused_and_resets_nothing() throws InterruptedException {
        awaitStructureSegment();
        String tokenBefore = structureToken();
        ScheduledExecutorService otherNode = Executors.newSingleThreadScheduledExecutor();
        otherNode.scheduleAtFixedRate(() -> jdbc.update(
                "UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = 'structure' AND segment = 0",
                OTHER_NODE, Instant.now().toString()), 0, 200, TimeUnit.MILLISECONDS);
        try {
            ResponseEntity<JsonNode> refused = TestUsers.registrar(http).postForEntity("/actuator/rebuild", null, JsonNode.class);

            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.getBody().path("code").asText()).isEqualTo("READ_MODEL_SEGMENTS_ELSEWHERE");
            assertThat(refused.getBody().path("detail").asText()).contains("structure");
            assertThat(structureToken()).as("the structure's token was not reset").isEqualTo(tokenBefore);
        } finally {
            otherNode.shutdownNow();
            // the other node "stops": its claim lapses and this node takes the segment back
            jdbc.update("UPDATE token_entry SET owner = NULL WHERE owner = ?", OTHER_NODE);
        }
    }

    /** The structure processor's segment row exists once the processor has started. */
    private void awaitStructureSegment() throws InterruptedException {
        for (int i = 0; i < 300 && jdbc.queryForObject("SELECT count(*) FROM token_entry"
                + " WHERE processor_name = 'structure' AND segment = 0", Long.class) == 0; i++) {
            Thread.sleep(100);
        }
    }

    private String structureToken() {
        return jdbc.queryForObject(
                "SELECT coalesce(encode(token, 'hex'), 'none') FROM token_entry WHERE processor_name = 'structure' AND segment = 0",
                String.class);
    }
}
