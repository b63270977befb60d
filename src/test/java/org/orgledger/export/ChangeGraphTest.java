package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The mapping of change-log rows to ORG and PROV, read back with Apache Jena. */
class ChangeGraphTest {

    private static final String ORG = ChangeExportIT.ORG;
    private static final String PROV = ChangeExportIT.PROV;
    private static final String DCTERMS = ChangeExportIT.DCTERMS;
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode change(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    private Model graph(List<ObjectNode> changes) {
        RdfGraph graph = ChangeGraph.of(changes, "urn:orgledger:");
        Model turtle = StructureGraphTest.parse(TurtleWriter.write(graph), "TURTLE");
        assertThat(turtle.isIsomorphicWith(StructureGraphTest.parse(JsonLdWriter.write(graph, json).toString(), "JSON-LD"))).isTrue();
        return turtle;
    }

    @Test
    void a_supersession_is_an_activity_about_the_instrument_not_an_org_change_event() throws Exception {
        Model model = graph(List.of(change("""
                {"sequence": 40, "type": "BulletinSuperseded", "instrument": "ST/SGB/1999/22", "effectiveFrom": "2002-12-01",
                 "recordedAt": "2026-11-30T00:00:00Z", "recordedBy": "registrar", "supersededBy": "ST/SGB/2002/14",
                 "authority": {"instrument": "ST/SGB/2002/14", "provision": "11.2"}, "retracted": false}""")));
        Resource change = model.createResource("urn:orgledger:change/40");
        Resource old = model.createResource("urn:orgledger:instrument/ST/SGB/1999/22");
        assertThat(model.contains(change, RDF.type, model.createResource(PROV + "Activity"))).isTrue();
        assertThat(model.contains(change, RDF.type, model.createResource(ORG + "ChangeEvent"))).isFalse();
        assertThat(model.contains(change, model.createProperty(DCTERMS + "subject"), old)).isTrue();
        assertThat(model.contains(change, model.createProperty(PROV + "used"),
                model.createResource("urn:orgledger:instrument/ST/SGB/2002/14"))).isTrue();
        assertThat(model.contains(old, model.createProperty(DCTERMS + "isReplacedBy"),
                model.createResource("urn:orgledger:instrument/ST/SGB/2002/14"))).isTrue();
        assertThat(model.contains(model.createResource("urn:orgledger:record/40"), model.createProperty(PROV + "wasAttributedTo"),
                model.createResource("urn:orgledger:agent/registrar"))).isTrue();
    }

    @Test
    void a_plain_abolition_ends_the_unit_and_results_in_nothing() throws Exception {
        Model model = graph(List.of(change("""
                {"sequence": 7, "type": "UnitAbolished", "unitId": "x/y", "effectiveFrom": "2003-01-01",
                 "recordedAt": "2026-11-30T00:00:00Z", "recordedBy": "registrar", "closure": "ABOLISHED", "successorIds": [],
                 "authority": {"instrument": "T/1", "provision": "2"}, "retracted": false}""")));
        Resource change = model.createResource("urn:orgledger:change/7");
        assertThat(model.contains(change, model.createProperty(ORG + "originalOrganization"),
                model.createResource("urn:orgledger:unit/x/y"))).isTrue();
        assertThat(change.hasProperty(model.createProperty(ORG + "resultingOrganization"))).isFalse();
        assertThat(model.contains(model.createResource("urn:orgledger:unit/x/y"), model.createProperty(ORG + "changedBy"), change)).isTrue();
    }

    @Test
    void a_retraction_invalidates_the_record_it_retracts_and_carries_its_reason() throws Exception {
        Model model = graph(List.of(
                change("""
                        {"sequence": 8, "type": "UnitRenamed", "unitId": "x/y", "effectiveFrom": "2003-01-01",
                         "recordedAt": "2026-11-30T00:00:00Z", "recordedBy": "registrar", "name": {"en": "Z"},
                         "authority": {"instrument": "T/1", "provision": "3"}, "retracted": true, "retractedBy": 9,
                         "retractedAt": "2026-11-30T00:01:00Z"}"""),
                change("""
                        {"sequence": 9, "type": "ChangeRetracted", "unitId": "x/y", "effectiveFrom": "2003-01-01",
                         "recordedAt": "2026-11-30T00:01:00Z", "recordedBy": "registrar", "retractedSequence": 8,
                         "reason": "a draft", "authority": {"instrument": "T/1", "provision": "3"}, "retracted": false}""")));
        Resource retraction = model.createResource("urn:orgledger:change/9");
        Resource record = model.createResource("urn:orgledger:record/8");
        assertThat(model.contains(retraction, model.createProperty(PROV + "invalidated"), record)).isTrue();
        assertThat(model.contains(record, model.createProperty(PROV + "wasInvalidatedBy"), retraction)).isTrue();
        assertThat(model.contains(retraction, RDF.type, model.createResource(ORG + "ChangeEvent"))).isFalse();
        assertThat(model.containsResource(model.createResource("urn:orgledger:change/8"))).isFalse();
        assertThat(model.createResource("urn:orgledger:record/9").getProperty(model.createProperty(DCTERMS + "description"))
                .getString()).isEqualTo("a draft");
    }
}
