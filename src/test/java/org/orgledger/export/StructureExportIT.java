package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.orgledger.TestUsers;
import org.orgledger.LedgerIntegrationTest;
import org.orgledger.TestInstruments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@LedgerIntegrationTest
class StructureExportIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void the_structure_as_of_a_date_exports_as_json_ld_turtle_and_csv() {
        String top = "export-" + System.nanoTime();
        establish(top, "ENTITY", null, "2001-01-01");
        establish(top + "/division", "DIVISION", top, "2001-01-01");
        establish(top + "/division/chief", "POST", top + "/division", "2001-01-01");
        establish(top + "/later", "BRANCH", top, "2003-01-01");

        ResponseEntity<String> turtle = http.getForEntity("/api/export/structure?asOf=2002-06-30&format=turtle", String.class);
        ResponseEntity<String> jsonLd = http.getForEntity("/api/export/structure?asOf=2002-06-30&format=jsonld", String.class);
        assertThat(turtle.getHeaders().getContentType().toString()).startsWith("text/turtle");
        assertThat(jsonLd.getHeaders().getContentType().toString()).startsWith("application/ld+json");

        Model fromTurtle = StructureGraphTest.parse(turtle.getBody(), "TURTLE");
        Model fromJsonLd = StructureGraphTest.parse(jsonLd.getBody(), "JSON-LD");
        assertThat(fromTurtle.isIsomorphicWith(fromJsonLd)).isTrue();

        Resource entity = fromTurtle.createResource("urn:orgledger:unit/" + top);
        Resource division = fromTurtle.createResource("urn:orgledger:unit/" + top + "/division");
        Resource chief = fromTurtle.createResource("urn:orgledger:unit/" + top + "/division/chief");
        assertThat(fromTurtle.contains(entity, RDF.type, fromTurtle.createResource(StructureGraphTest.ORG + "Organization"))).isTrue();
        assertThat(fromTurtle.contains(division, fromTurtle.createProperty(StructureGraphTest.ORG + "subOrganizationOf"), entity)).isTrue();
        assertThat(fromTurtle.contains(chief, RDF.type, fromTurtle.createResource(StructureGraphTest.ORG + "Post"))).isTrue();
        assertThat(fromTurtle.contains(chief, fromTurtle.createProperty(StructureGraphTest.ORG + "postIn"), division)).isTrue();
        assertThat(fromTurtle.contains(division, fromTurtle.createProperty(StructureGraphTest.PROV + "wasDerivedFrom"),
                fromTurtle.createResource("urn:orgledger:instrument/TEST/EXPORT/1"))).isTrue();
        assertThat(fromTurtle.containsResource(fromTurtle.createResource("urn:orgledger:unit/" + top + "/later"))).isFalse();

        ResponseEntity<String> csv = http.getForEntity("/api/export/structure?asOf=2002-06-30&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).contains(top + "/division/chief,POST," + top + "/division,TEST/EXPORT/1,1,");
    }

    @Test
    void an_unknown_format_is_a_bad_request() {
        ResponseEntity<JsonNode> response = http.getForEntity("/api/export/structure?asOf=2002-06-30&format=xml", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("code").asText()).isEqualTo("INVALID_INPUT");
    }

    private void establish(String id, String kind, String parentId, String effectiveFrom) {
        TestInstruments.ensure(http, "TEST/EXPORT/1");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "kind", kind, "name", Map.of("en", id),
                "effectiveFrom", effectiveFrom, "authority", Map.of("instrument", "TEST/EXPORT/1", "provision", "1")));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        assertThat(TestUsers.registrar(http).postForEntity("/api/units", body, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
