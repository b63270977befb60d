package org.orgledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestClock;
import org.orgledger.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A rebuild resets every read model's tokens, so it needs every segment: while another node
 * keeps one claimed (its claim renewed, as a live node's is), the rebuild waits for it, then
 * refuses with 409 and resets nothing. The wait (twice the claim timeout, and 5 s) passes on
 * the test's clock, which runs about ten times faster meanwhile; the other node renews its claim
 * by that clock, so the claim never looks timed out.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "axon.eventhandling.tokenstore.claim-timeout=2s")
class RebuildWhileSegmentHeldElsewhereIT {

    private static final String OTHER_NODE = "4242@another-node";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Test
    void a_rebuild_while_another_node_keeps_a_segment_is_refused_and_resets_nothing() throws InterruptedException {
        awaitStructureSegment();
        String tokenBefore = structureToken();
        ScheduledExecutorService otherNode = Executors.newSingleThreadScheduledExecutor();
        // every 25 ms, 250 ms pass on the clock and the other node renews its claim at the new time:
        // the claim is never near the 2 s timeout, the rebuild's wait of 9 s passes in about one
        otherNode.scheduleAtFixedRate(() -> {
            clock.advance(Duration.ofMillis(250));
            jdbc.update("UPDATE token_entry SET owner = ?, timestamp = ? WHERE processor_name = 'structure' AND segment = 0",
                    OTHER_NODE, clock.instant().toString());
        }, 0, 25, TimeUnit.MILLISECONDS);
        try {
            ResponseEntity<JsonNode> refused = TestUsers.registrar(http).postForEntity("/actuator/rebuild", null, JsonNode.class);

            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(409);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(refused.getBody().path("code").asText()).isEqualTo("READ_MODEL_SEGMENTS_ELSEWHERE");
            // refused by the wait for the other node (which the clock shortens), not only by the token reset after it
            assertThat(refused.getBody().path("detail").asText()).contains("structure").contains("did not let go");
            assertThat(structureToken()).as("the structure's token was not reset").isEqualTo(tokenBefore);
        } finally {
            otherNode.shutdownNow();
            // a renewal still running would claim the segment again after the release below, with a
            // time far ahead (on the external database, for every other context's node too)
            assertThat(otherNode.awaitTermination(1, TimeUnit.MINUTES)).as("the other node stopped").isTrue();
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
