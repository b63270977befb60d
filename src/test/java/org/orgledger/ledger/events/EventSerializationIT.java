package org.orgledger.ledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.unit.api.UnitRenamed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/** The running service stores and reads events with the serializer and upcasters that EventFixturesTest pins. */
@LedgerIntegrationTest
class EventSerializationIT {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Configuration axon;

    @Test
    void events_are_stored_by_the_ledgers_serializer_under_their_stored_names() {
        assertThat(eventSerializer).isInstanceOf(LedgerEventSerializer.class);
        assertThat(axon.eventSerializer()).isSameAs(eventSerializer);
        assertThat(eventSerializer.typeForClass(UnitRenamed.class).getName()).isEqualTo("org.orgledger.unit.api.UnitRenamed");
    }

    @Test
    void the_event_store_upcasts_a_renaming_stored_before_labels_to_the_current_revision() throws IOException {
        byte[] payload;
        try (InputStream in = getClass().getResourceAsStream("/events/org.orgledger.unit.api.UnitRenamed/unversioned.json")) {
            payload = in.readAllBytes();
        }
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("OrganizationalUnit", "un-habitat", 0, "e1",
                Instant.parse("2026-11-30T00:00:00Z"), "org.orgledger.unit.api.UnitRenamed", null, payload, "{}".getBytes());

        IntermediateEventRepresentation upcast = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(row, eventSerializer))).findFirst().orElseThrow();

        assertThat(upcast.getType().getRevision()).isEqualTo("1");
        Object event = eventSerializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(SampleEvents.beforeLabels().get(UnitRenamed.class));
    }
}
