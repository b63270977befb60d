package org.orgledger.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestProfiles;
import org.orgledger.TestUsers;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.platform.eventstore.LedgerMetadata;
import org.orgledger.platform.eventstore.ReadModelBarrier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The consistency check compares the log with what the read models show, not only a read model
 * with its own replay: an event recorded before the edge refused such text (a lone surrogate,
 * which PostgreSQL receives as {@code ?}) is reported, though a replay loses it the same way.
 * A ledger of its own (the event stays in it), closed afterwards; so only on the embedded default.
 */
@LedgerIntegrationTest
@TestPropertySource(properties = "orgledger.test.ledger=read-model-fidelity")
@DirtiesContext
class ReadModelFidelityIT {

    private static final String SYMBOL = "TEST/LEGACY/1";

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    ReadModelBarrier barrier;

    @Autowired
    TestRestTemplate http;

    /** On an external server every context shares one database, and this event would stay in it for the others. */
    @org.junit.jupiter.api.BeforeAll
    static void onlyWithALedgerOfItsOwn() {
        assumeTrue(TestProfiles.active().length == 1, "needs a ledger of its own (the embedded default)");
    }

    @Test
    void a_read_model_that_shows_a_text_otherwise_than_the_log_is_reported_inconsistent() {
        BulletinPromulgated legacy = new BulletinPromulgated(InstrumentSymbol.of(SYMBOL), InstrumentKind.BULLETIN,
                LocalizedText.of("en", "Legacy \ud800 title"), LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 1));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Instrument", SYMBOL, 0, legacy,
                MetaData.with(LedgerMetadata.RECORDED_BY, "legacy"))));
        barrier.awaitProcessed(barrier.head(), Duration.ofSeconds(30));

        JsonNode check = TestUsers.auditor(http).getForObject("/actuator/rebuild", JsonNode.class);

        assertThat(check.path("consistent").asBoolean()).as(check.toString()).isFalse();
        assertThat(check.path("log").toString()).contains("is not shown as written").contains("\\\\ud800");
        // the auditor still reads the log
        ResponseEntity<JsonNode> log = TestUsers.auditor(http).getForEntity("/api/audit/log?instrument=" + SYMBOL,
                JsonNode.class);
        assertThat(log.getStatusCode().value()).as(String.valueOf(log.getBody())).isEqualTo(200);
    }
}
