package org.orgledger.ledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The events recorded before events were versioned carry no revision; every one whose shape has
 * not changed since is revision 1 as it is. (The five that gained labels: {@link TextLabelsUpcaster}.)
 * So after the upcasters, every payload is at its class's current revision.
 */
final class UnversionedEventsUpcaster extends SingleEventUpcaster {

    static final String REVISION = "1";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && EventNames.eventNamed(representation.getType().getName())
                .filter(event -> !TextLabelsUpcaster.upcasts(event)).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), REVISION),
                JsonNode.class, Function.identity());
    }
}
