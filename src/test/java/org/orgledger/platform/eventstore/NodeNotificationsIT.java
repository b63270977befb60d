package org.orgledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another node's append reaches this node as a PostgreSQL notification when it commits (the
 * notification is sent inside the appending transaction; PostgreSQL delivers it at the commit).
 * Here the other node is another connection of the test.
 */
@LedgerIntegrationTest
class NodeNotificationsIT {

    @Autowired
    NodeNotifications notifications;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void an_append_committed_elsewhere_is_heard_at_once() throws InterruptedException {
        long before = notifications.received();
        transactions.executeWithoutResult(status ->
                jdbc.queryForObject("SELECT 1 FROM pg_notify(?, '')", Integer.class, NodeNotifications.APPENDED));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (notifications.received() == before && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(notifications.received()).as("the notification arrived").isGreaterThan(before);
    }
}
