package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.HeadView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.orgledger.unit.api.UnitKind;

/** The ORG + PROV mapping, read back with Apache Jena (a test-only dependency). */
class StructureGraphTest {

    static final String BASE = "urn:orgledger:";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    static StructureView habitat() {
        Authority resolution = Authority.of("A/RES/56/206", "1");
        Authority bulletin = Authority.of("ST/SGB/2002/14", "7.2(b)");
        return new StructureView(LocalDate.of(2002, 6, 30), Instant.parse("2026-11-24T00:00:00Z"), List.of(
                new UnitView("un-habitat", UnitKind.ENTITY, LocalizedText.of(Map.of("en", "UN-Habitat", "zh", "人居署")),
                        null, new HeadView(LocalizedText.of("en", "Executive Director \"ED\""), "USG"), resolution, List.of()),
                new UnitView("un-habitat/monitoring", UnitKind.DIVISION, LocalizedText.of("en", "Monitoring and Research Division"),
                        "un-habitat", null, bulletin,
                        List.of(new FunctionView("f1", LocalizedText.of("en", "Monitors, reports"), bulletin))),
                new UnitView("un-habitat/monitoring/director", UnitKind.POST, LocalizedText.of("en", "Director"),
                        "un-habitat/monitoring", null, bulletin, List.of())));
    }

    static Model parse(String text, String language) {
        Model model = ModelFactory.createDefaultModel();
        model.read(new StringReader(text), null, language);
        return model;
    }

    @Test
    void turtle_and_json_ld_describe_the_same_graph() {
        RdfGraph graph = StructureGraph.of(habitat(), BASE);
        Model turtle = parse(TurtleWriter.write(graph), "TURTLE");
        Model jsonLd = parse(JsonLdWriter.write(graph, new ObjectMapper()).toString(), "JSON-LD");
        assertThat(turtle.size()).isPositive();
        assertThat(turtle.isIsomorphicWith(jsonLd)).isTrue();
    }

    @Test
    void the_top_unit_is_an_organization_its_divisions_units_and_posts_posts() {
        Model model = parse(TurtleWriter.write(StructureGraph.of(habitat(), BASE)), "TURTLE");
        Resource top = model.createResource(BASE + "unit/un-habitat");
        Resource division = model.createResource(BASE + "unit/un-habitat/monitoring");
        Resource post = model.createResource(BASE + "unit/un-habitat/monitoring/director");

        assertThat(model.contains(top, RDF.type, model.createResource(ORG + "Organization"))).isTrue();
        assertThat(model.contains(division, RDF.type, model.createResource(ORG + "OrganizationalUnit"))).isTrue();
        assertThat(model.contains(division, org(model, "subOrganizationOf"), top)).isTrue();
        assertThat(model.contains(post, RDF.type, model.createResource(ORG + "Post"))).isTrue();
        assertThat(model.contains(post, org(model, "postIn"), division)).isTrue();
        assertThat(model.contains(top, model.createProperty(SKOS + "prefLabel"), model.createLiteral("人居署", "zh"))).isTrue();
    }

    @Test
    void each_unit_results_from_a_change_event_derived_from_its_instrument() {
        Model model = parse(TurtleWriter.write(StructureGraph.of(habitat(), BASE)), "TURTLE");
        Resource division = model.createResource(BASE + "unit/un-habitat/monitoring");
        Resource bulletin = model.createResource(BASE + "instrument/ST/SGB/2002/14");

        assertThat(model.contains(division, model.createProperty(PROV + "wasDerivedFrom"), bulletin)).isTrue();
        RDFNode change = model.getProperty(division, org(model, "resultedFrom")).getObject();
        assertThat(model.contains(change.asResource(), RDF.type, model.createResource(ORG + "ChangeEvent"))).isTrue();
        assertThat(model.contains(change.asResource(), model.createProperty(PROV + "used"), bulletin)).isTrue();
        assertThat(model.contains(change.asResource(), org(model, "resultingOrganization"), division)).isTrue();
        assertThat(model.contains(bulletin, model.createProperty(SKOS + "notation"), "ST/SGB/2002/14")).isTrue();
        assertThat(model.listSubjectsWithProperty(RDF.type, model.createResource(ORG + "ChangeEvent")).toList()).hasSize(3);
    }

    @Test
    void csv_has_one_row_per_unit_and_a_column_per_language() {
        String csv = StructureCsv.write(habitat());
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("id,kind,parentId,instrument,provision,name@en,name@zh");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("un-habitat,ENTITY,,A/RES/56/206,1,UN-Habitat,人居署");
        assertThat(lines[2]).startsWith("un-habitat/monitoring,DIVISION,un-habitat,ST/SGB/2002/14,7.2(b),");
    }

    private static Property org(Model model, String local) {
        return model.createProperty(ORG + local);
    }
}
