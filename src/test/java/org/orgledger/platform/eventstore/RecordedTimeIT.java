package org.orgledger.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.language.LocalizedText;
import org.orgledger.platform.transaction.LedgerLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recorded times follow the log's order across nodes: an event is never recorded before the one
 * ahead of it in the log, even when another node, its clock ahead of this one's, recorded that
 * one. The other node's event is written straight into the table, in a transaction that is rolled
 * back; a context of its own, closed afterwards, because this node then remembers the time it
 * was pushed to.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "orgledger.test.ledger=recorded-time")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RecordedTimeIT {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void an_event_is_never_recorded_before_the_last_one_in_the_log_whichever_node_recorded_that() {
        Instant otherNodesTime = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            status.setRollbackOnly();
            LedgerLock.acquire(jdbc);
            long othersEvent = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry",
                    Long.class);
            jdbc.update("""
                    INSERT INTO domain_event_entry (global_index, event_identifier, payload, payload_type, time_stamp,
                                                    aggregate_identifier, sequence_number, type)
                    VALUES (?, 'recorded-time-other-node', '\\x7b7d'::bytea, 'test', ?, 'recorded-time-other', 0, 'Test')""",
                    othersEvent, DateTimeUtils.formatInstant(otherNodesTime));

            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new PromulgateBulletin(
                    InstrumentSymbol.of("TEST/RECORDED-TIME/1"), InstrumentKind.BULLETIN, LocalizedText.of(Map.of("en", "Time")),
                    LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 1))));
            PendingEventRows.writeNow();

            String ours = jdbc.queryForObject("SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                    String.class, othersEvent + 1);
            assertThat(DateTimeUtils.parseInstant(ours)).as("recorded after the other node's event")
                    .isAfterOrEqualTo(otherNodesTime);
        });
    }
}
