package org.orgledger.export;

import static org.orgledger.export.Term.iri;
import static org.orgledger.export.Term.literal;

import java.util.HashSet;
import java.util.Set;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;

/**
 * The structure as of a date as RDF statements in the W3C Organization Ontology with PROV: the
 * top unit(s) are {@code org:Organization}, the others {@code org:OrganizationalUnit} linked by
 * {@code org:subOrganizationOf}, posts are {@code org:Post} ({@code org:postIn}); each unit
 * {@code org:resultedFrom} an {@code org:ChangeEvent} (its establishment) that used the instrument,
 * and is {@code prov:wasDerivedFrom} that instrument. Subjects keep insertion order, so the
 * writers print parents before children.
 */
final class StructureGraph {

    private final String base;
    private final RdfGraph graph = new RdfGraph();

    private StructureGraph(String base) {
        this.base = base;
    }

    static RdfGraph of(StructureView structure, String base) {
        StructureGraph builder = new StructureGraph(base);
        Set<String> present = new HashSet<>();
        structure.units().forEach(unit -> present.add(unit.id()));
        structure.units().forEach(unit -> builder.addUnit(unit, unit.parentId() == null || !present.contains(unit.parentId())));
        return builder.graph;
    }

    private void addUnit(UnitView unit, boolean top) {
        String self = unitIri(unit.id());
        boolean post = unit.kind() == UnitKind.POST;
        add(self, Vocabulary.TYPE, iri(Vocabulary.ORG + (post ? "Post" : top ? "Organization" : "OrganizationalUnit")));
        add(self, Vocabulary.DCTERMS + "identifier", literal(unit.id()));
        add(self, Vocabulary.ORG + "classification", iri(base + "kind/" + unit.kind().name()));
        labels(self, unit.name());
        if (!top) {
            add(self, Vocabulary.ORG + (post ? "postIn" : "subOrganizationOf"), iri(unitIri(unit.parentId())));
        }
        Authority authority = unit.authority();
        if (authority != null) {
            String instrument = instrument(authority);
            String change = base + "change/" + segment(unit.id()) + "/established";
            add(self, Vocabulary.PROV + "wasDerivedFrom", iri(instrument));
            add(self, Vocabulary.ORG + "resultedFrom", iri(change));
            add(change, Vocabulary.TYPE, iri(Vocabulary.ORG + "ChangeEvent"));
            add(change, Vocabulary.ORG + "resultingOrganization", iri(self));
            add(change, Vocabulary.PROV + "used", iri(instrument));
            add(change, Vocabulary.LEDGER + "provision", literal(authority.provision()));
        }
        if (unit.head() != null) {
            String head = self + "#head";
            add(head, Vocabulary.TYPE, iri(Vocabulary.ORG + "Post"));
            add(head, Vocabulary.ORG + "postIn", iri(self));
            if (unit.head().title() != null) {
                labels(head, unit.head().title());
            }
            if (unit.head().level() != null) {
                add(head, Vocabulary.LEDGER + "level", literal(unit.head().level()));
            }
        }
        for (FunctionView function : unit.functions()) {
            String purpose = self + "#function-" + segment(function.id());
            add(self, Vocabulary.ORG + "purpose", iri(purpose));
            add(purpose, Vocabulary.TYPE, iri(Vocabulary.SKOS + "Concept"));
            add(purpose, Vocabulary.DCTERMS + "identifier", literal(function.id()));
            if (function.text() != null) {
                labels(purpose, function.text());
            }
            if (function.authority() != null) {
                add(purpose, Vocabulary.PROV + "wasDerivedFrom", iri(instrument(function.authority())));
            }
        }
    }

    private String instrument(Authority authority) {
        String symbol = authority.instrument().value();
        String iri = base + "instrument/" + segment(symbol);
        if (!graph.has(iri)) {
            add(iri, Vocabulary.TYPE, iri(Vocabulary.PROV + "Entity"));
            add(iri, Vocabulary.SKOS + "notation", literal(symbol));
        }
        return iri;
    }

    private void labels(String subject, LocalizedText text) {
        text.values().forEach((language, value) -> add(subject, Vocabulary.SKOS + "prefLabel", literal(value, language)));
    }

    private void add(String subject, String predicate, Term object) {
        graph.add(subject, predicate, object);
    }

    private String unitIri(String id) {
        return base + "unit/" + segment(id);
    }

    private static String segment(String value) {
        return RdfGraph.segment(value);
    }
}
