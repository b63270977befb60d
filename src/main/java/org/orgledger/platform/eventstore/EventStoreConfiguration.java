package org.orgledger.platform.eventstore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Configuration;

/** Our storage engine replaces Axon's auto-configured one, so its JPA entities are registered here. */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    private static final Duration FETCH_DELAY = Duration.ofMillis(200);
    private static final int READ_BATCH = 1000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager,
                                          Clock clock,
                                          List<LedgerAppendListener> listeners,
                                          CommandReceipts receipts,
                                          JdbcTemplate jdbc) {
        JpaEventStorageEngine.Builder builder = JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                // events per query when a processor catches up or replays (Axon's default is 100):
                // a read model handles up to 1,000 per transaction (application.yml)
                .batchSize(READ_BATCH);
        return new LedgerEventStorageEngine(builder, clock, listeners, receipts, jdbc);
    }

    /** Replaces Axon's auto-configured store: the same, woken by the database commit. */
    @Bean
    LedgerEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        LedgerEventStore store = new LedgerEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                // appends of this node wake the reader at once; this bounds how late it sees another node's
                .fetchDelay(FETCH_DELAY.toMillis()));
        if (storageEngine instanceof LedgerEventStorageEngine ledgerEngine) {
            ledgerEngine.afterCommit(store::committed);
        }
        return store;
    }

    @Bean
    static ProcessorProgress processorProgress() {
        return new ProcessorProgress();
    }

    /** Every processor tells {@link ProcessorProgress} when it commits, for the read-your-writes wait. */
    @Bean
    static ConfigurerModule signalProcessorProgress(ProcessorProgress progress) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> progress);
    }

    /** Who recorded a change and which request caused it travel from the command to its events. */
    @Bean
    CorrelationDataProvider ledgerMetadataProvider() {
        return new SimpleCorrelationDataProvider(LedgerMetadata.RECORDED_BY, LedgerMetadata.COMMAND_ID);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
