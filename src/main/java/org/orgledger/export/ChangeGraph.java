package org.orgledger.export;

import static org.orgledger.export.RdfGraph.segment;
import static org.orgledger.export.Term.iri;
import static org.orgledger.export.Term.literal;
import static org.orgledger.export.Term.typed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The change history as RDF: every change that took effect is a {@code prov:Activity} that
 * {@code prov:used} its instrument, dated by {@code dcterms:date} (the effective date); a change
 * of a unit is also an {@code org:ChangeEvent} about that unit ({@code dcterms:subject}), and an
 * establishment, abolition, merger, split or replacement names the units before and after it
 * ({@code org:originalOrganization}, {@code org:resultingOrganization}). Who recorded it, and
 * when, is said of the ledger's record of the change: a {@code prov:Entity}
 * {@code prov:wasAttributedTo} the recorder and {@code prov:generatedAtTime} the recorded instant,
 * because the recorder is not an agent of the organizational change itself. A retracted change is
 * no longer asserted: only its record remains, {@code prov:invalidatedAtTime} when it was
 * retracted and {@code prov:wasInvalidatedBy} the retraction.
 */
final class ChangeGraph {

    private static final String ESTABLISHED = "UnitEstablished";
    private static final String ABOLISHED = "UnitAbolished";
    private static final String RETRACTION = "ChangeRetracted";

    private final String base;
    private final RdfGraph graph = new RdfGraph();

    private ChangeGraph(String base) {
        this.base = base;
    }

    static RdfGraph of(List<ObjectNode> changes, String base) {
        ChangeGraph builder = new ChangeGraph(base);
        changes.forEach(builder::addChange);
        return builder.graph;
    }

    private void addChange(ObjectNode change) {
        String type = change.path("type").asText();
        long sequence = change.path("sequence").asLong();
        String record = recordIri(sequence);
        addRecord(record, change, sequence, type);
        if (change.path("retracted").asBoolean(false)) {
            graph.add(record, Vocabulary.PROV + "invalidatedAtTime",
                    typed(change.path("retractedAt").asText(), Vocabulary.XSD + "dateTime"));
            graph.add(record, Vocabulary.PROV + "wasInvalidatedBy", iri(eventIri(change.path("retractedBy").asLong())));
            return;
        }
        String event = ESTABLISHED.equals(type) ? establishmentIri(change.get("unitId").asText()) : eventIri(sequence);
        graph.add(record, Vocabulary.DCTERMS + "subject", iri(event));
        boolean organizational = change.hasNonNull("unitId") && !RETRACTION.equals(type);
        if (organizational) {
            graph.add(event, Vocabulary.TYPE, iri(Vocabulary.ORG + "ChangeEvent"));
        }
        graph.add(event, Vocabulary.TYPE, iri(Vocabulary.PROV + "Activity"));
        graph.add(event, Vocabulary.LEDGER + "changeType", literal(type));
        graph.add(event, Vocabulary.DCTERMS + "date", typed(change.path("effectiveFrom").asText(), Vocabulary.XSD + "date"));
        JsonNode authority = change.path("authority");
        if (authority.hasNonNull("instrument")) {
            graph.add(event, Vocabulary.PROV + "used", iri(instrument(authority.get("instrument").asText())));
            graph.add(event, Vocabulary.LEDGER + "provision", literal(authority.path("provision").asText()));
        }
        if (RETRACTION.equals(type)) {
            // a correction of the record, not a change of the organization: it invalidates a record
            graph.add(event, Vocabulary.PROV + "invalidated", iri(recordIri(change.path("retractedSequence").asLong())));
        } else if (organizational) {
            unitChange(event, type, change);
        } else {
            instrumentChange(event, change);
        }
    }

    private void unitChange(String event, String type, ObjectNode change) {
        String unit = unitIri(change.get("unitId").asText());
        graph.add(event, Vocabulary.DCTERMS + "subject", iri(unit));
        if (ESTABLISHED.equals(type)) {
            graph.add(event, Vocabulary.ORG + "resultingOrganization", iri(unit));
            graph.add(unit, Vocabulary.ORG + "resultedFrom", iri(event));
        } else if (ABOLISHED.equals(type)) {
            graph.add(event, Vocabulary.ORG + "originalOrganization", iri(unit));
            graph.add(unit, Vocabulary.ORG + "changedBy", iri(event));
            graph.add(event, Vocabulary.LEDGER + "closure", literal(change.path("closure").asText("ABOLISHED")));
            for (JsonNode successor : change.path("successorIds")) {
                String next = unitIri(successor.asText());
                graph.add(event, Vocabulary.ORG + "resultingOrganization", iri(next));
                graph.add(next, Vocabulary.ORG + "resultedFrom", iri(event));
            }
        }
    }

    private void instrumentChange(String event, ObjectNode change) {
        String instrument = instrument(change.path("instrument").asText());
        graph.add(event, Vocabulary.DCTERMS + "subject", iri(instrument));
        if (change.hasNonNull("supersededBy")) {
            graph.add(instrument, Vocabulary.DCTERMS + "isReplacedBy", iri(instrument(change.get("supersededBy").asText())));
        }
    }

    private void addRecord(String record, ObjectNode change, long sequence, String type) {
        graph.add(record, Vocabulary.TYPE, iri(Vocabulary.PROV + "Entity"));
        graph.add(record, Vocabulary.DCTERMS + "identifier", typed(Long.toString(sequence), Vocabulary.XSD + "long"));
        graph.add(record, Vocabulary.LEDGER + "changeType", literal(type));
        graph.add(record, Vocabulary.PROV + "generatedAtTime", typed(change.path("recordedAt").asText(), Vocabulary.XSD + "dateTime"));
        String agent = base + "agent/" + segment(change.path("recordedBy").asText());
        graph.add(record, Vocabulary.PROV + "wasAttributedTo", iri(agent));
        if (!graph.has(agent)) {
            graph.add(agent, Vocabulary.TYPE, iri(Vocabulary.PROV + "Agent"));
            graph.add(agent, Vocabulary.DCTERMS + "identifier", literal(change.path("recordedBy").asText()));
        }
        if (change.hasNonNull("reason")) {
            graph.add(record, Vocabulary.DCTERMS + "description", literal(change.get("reason").asText()));
        }
    }

    /**
     * An establishment has the IRI the structure export gives it ({@code change/<unit>/established}),
     * so that both exports describe the same event; every other change is named by its sequence.
     */
    private String establishmentIri(String unitId) {
        return base + "change/" + segment(unitId) + "/established";
    }

    private String eventIri(long sequence) {
        return base + "change/" + sequence;
    }

    private String recordIri(long sequence) {
        return base + "record/" + sequence;
    }

    private String unitIri(String id) {
        return base + "unit/" + segment(id);
    }

    private String instrument(String symbol) {
        String iri = base + "instrument/" + segment(symbol);
        if (!graph.has(iri)) {
            graph.add(iri, Vocabulary.TYPE, iri(Vocabulary.PROV + "Entity"));
            graph.add(iri, Vocabulary.SKOS + "notation", literal(symbol));
        }
        return iri;
    }
}
