package org.orgledger.ledger.events;

import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How events are stored and read back: their names, their JSON, the upcasters of older revisions (decision 0011). */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

    /** Every upcaster, oldest revision first: a payload of any stored revision leaves the chain at its current one. */
    static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(upcasterList());
    }

    private static List<EventUpcaster> upcasterList() {
        return List.of(new TextLabelsUpcaster(), new UnversionedEventsUpcaster());
    }

    /** Replaces Axon's auto-configured event serializer (it backs off for a bean with this qualifier). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return LedgerEventSerializer.create();
    }

    @Bean
    static ConfigurerModule eventUpcasters() {
        return configurer -> upcasterList().forEach(upcaster -> configurer.registerEventUpcaster(configuration -> upcaster));
    }
}
