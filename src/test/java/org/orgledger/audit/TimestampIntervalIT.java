package org.orgledger.audit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestProfiles;
import org.orgledger.TestUsers;
import org.orgledger.audit.timestamp.OpensslTsa;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an interval, the TSA is asked at most once per interval however many tree heads are
 * signed meanwhile (one per transaction); the heads signed since are reported as pending, and the
 * ledger stays valid.
 */
@LedgerIntegrationTest
class TimestampIntervalIT {

    /**
     * A verdict covers every stamp in the ledger: on the shared external database the other
     * timestamp test's stamps, from a TSA this test does not trust, are there too.
     */
    @BeforeAll
    static void onALedgerOfItsOwn() {
        assumeTrue(TestProfiles.active().length == 1,
                "needs a ledger of its own (the embedded default)");
    }

    private static final OpensslTsa TSA = OpensslTsa.start();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void stampedHourly(DynamicPropertyRegistry properties) {
        properties.add("orgledger.audit.timestamps.url", () -> TSA.url().toString());
        properties.add("orgledger.audit.timestamps.trusted-certificates", () -> TSA.caCertificate().toString());
        properties.add("orgledger.audit.timestamps.interval", () -> "PT1H");
    }

    @AfterAll
    static void stopTsa() {
        TSA.close();
    }

    @Test
    void heads_signed_within_the_interval_wait_for_the_next_stamp_and_are_reported_as_pending() throws Exception {
        Ledger.establish(http, "first-of-the-hour-" + System.nanoTime());
        awaitStamps(1);
        long stamped = jdbc.queryForObject("SELECT tree_size FROM ledger_timestamp", Long.class);

        Ledger.establish(http, "later-" + System.nanoTime());
        Ledger.establish(http, "later-still-" + System.nanoTime());
        Thread.sleep(2000);

        assertThat(jdbc.queryForList("SELECT tree_size FROM ledger_timestamp", Long.class)).containsExactly(stamped);
        assertThat(TSA.answered()).as("asked once within the interval").isEqualTo(1);
        int signedSince = jdbc.queryForObject("SELECT count(*) FROM ledger_tree_head WHERE tree_size > ?", Integer.class,
                stamped);
        assertThat(signedSince).isGreaterThanOrEqualTo(2);
        JsonNode verdict = TestUsers.auditor(http).getForObject("/api/audit/verify", JsonNode.class);
        assertThat(verdict.get("valid").asBoolean()).as("%s", verdict).isTrue();
        assertThat(verdict.at("/timestamps/stampedTreeSize").asLong()).isEqualTo(stamped);
        assertThat(verdict.at("/timestamps/pendingHeads").asInt()).isEqualTo(signedSince);
    }

    private void awaitStamps(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (jdbc.queryForObject("SELECT count(*) FROM ledger_timestamp", Integer.class) >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no stamp within 60 s; the TSA answered " + TSA.answered());
    }
}
