package org.orgledger.ledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitRenamed;

/**
 * Five events gained a labels field before events were versioned, so their unversioned payloads
 * come in two shapes, with and without it. Revision 1 always has it: an absent field meant that
 * every language was the instrument's official wording, which is what an empty one says.
 */
final class TextLabelsUpcaster extends SingleEventUpcaster {

    static final String REVISION = "1";

    /** By event: the field that holds the labels. */
    private static final Map<Class<?>, String> LABELS = Map.of(
            UnitEstablished.class, "nameLabels",
            UnitRenamed.class, "nameLabels",
            HeadDesignated.class, "titleLabels",
            FunctionAssigned.class, "textLabels",
            BulletinPromulgated.class, "titleLabels");

    static boolean upcasts(Class<?> event) {
        return LABELS.containsKey(event);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().getRevision() == null
                && EventNames.eventNamed(representation.getType().getName()).filter(LABELS::containsKey).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = representation.getType().getName();
        String field = LABELS.get(EventNames.eventNamed(name).orElseThrow());
        return representation.upcastPayload(new SimpleSerializedType(name, REVISION), JsonNode.class, payload -> {
            if (!payload.has(field)) {
                ((ObjectNode) payload).putObject(field);
            }
            return payload;
        });
    }
}
