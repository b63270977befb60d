package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.orgledger.TestInstruments;
import org.orgledger.TestUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The change history as W3C ORG change events with PROV, read back with Apache Jena. */
class ChangeExportIT extends DatasetLedger {

    static final String ORG = "http://www.w3.org/ns/org#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String LEDGER = "https://orgledger.org/ns#";
    private static final String INSTRUMENT = "TEST/CHANGES/1";


    @Test
    void the_dataset_history_is_org_change_events_that_used_their_instruments_recorded_by_system() throws Exception {
        ResponseEntity<String> turtle = http.getForEntity("/api/export/changes?to=2002-01-01&format=turtle", String.class);
        ResponseEntity<String> jsonLd = http.getForEntity("/api/export/changes?to=2002-01-01", String.class);
        assertThat(turtle.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(turtle.getHeaders().getContentType().toString()).startsWith("text/turtle");
        assertThat(jsonLd.getHeaders().getContentType().toString()).startsWith("application/ld+json");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "exports"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "exports", "changes-to-2002-01-01.ttl"), turtle.getBody());
        Model model = StructureGraphTest.parse(turtle.getBody(), "TURTLE");
        assertThat(model.isIsomorphicWith(StructureGraphTest.parse(jsonLd.getBody(), "JSON-LD"))).isTrue();

        // resolution 32/162 established the Centre: a change event resulting in it, dated 1977-12-19
        Resource centre = model.createResource("urn:orgledger:unit/un-habitat");
        Resource establishment = model.createResource("urn:orgledger:change/un-habitat/established");
        assertThat(model.contains(establishment, RDF.type, model.createResource(ORG + "ChangeEvent"))).isTrue();
        assertThat(model.contains(establishment, property(model, ORG + "resultingOrganization"), centre)).isTrue();
        assertThat(model.contains(centre, property(model, ORG + "resultedFrom"), establishment)).isTrue();
        assertThat(model.contains(establishment, property(model, PROV + "used"),
                model.createResource("urn:orgledger:instrument/A/RES/32/162"))).isTrue();
        assertThat(date(model, establishment)).isEqualTo("1977-12-19");

        // resolution 56/206 renamed it from 1 January 2002: a change event about the Centre, no new organization
        Resource renaming = model.listSubjectsWithProperty(property(model, LEDGER + "changeType"), "UnitRenamed")
                .filterKeep(change -> change.hasProperty(property(model, DCTERMS + "subject"), centre)).next();
        assertThat(model.contains(renaming, property(model, PROV + "used"),
                model.createResource("urn:orgledger:instrument/A/RES/56/206"))).isTrue();
        assertThat(date(model, renaming)).isEqualTo("2002-01-01");
        assertThat(renaming.hasProperty(property(model, ORG + "resultingOrganization"))).isFalse();

        // who recorded it and when: the record of the change, attributed to the loader's user
        Resource record = model.listSubjectsWithProperty(property(model, DCTERMS + "subject"), renaming).next();
        assertThat(model.contains(record, RDF.type, model.createResource(PROV + "Entity"))).isTrue();
        long sequence = record.getProperty(property(model, DCTERMS + "identifier")).getLong();
        String recordedBy = recordedBy(sequence, "2002-01-01");
        Resource agent = model.createResource("urn:orgledger:agent/" + recordedBy);
        assertThat(model.contains(record, property(model, PROV + "wasAttributedTo"), agent)).isTrue();
        assertThat(model.contains(agent, RDF.type, model.createResource(PROV + "Agent"))).isTrue();
        assertThat(agent.getProperty(property(model, DCTERMS + "identifier")).getString()).isEqualTo(recordedBy);
        Literal recordedAt = record.getProperty(property(model, PROV + "generatedAtTime")).getLiteral();
        assertThat(recordedAt.getDatatypeURI()).isEqualTo(XSDDatatype.XSDdateTime.getURI());
        assertThat(Instant.parse(recordedAt.getLexicalForm())).isBefore(Instant.now());

        // nothing effective after `to`: the 2002 bulletin's units are not there
        assertThat(model.containsResource(model.createResource(
                "urn:orgledger:change/un-habitat/monitoring-and-research-division/established"))).isFalse();
    }

    @Test
    void merges_and_splits_name_the_original_and_resulting_organizations_and_a_retraction_invalidates_the_record() {
        String top = "changes-" + System.nanoTime();
        TestInstruments.ensure(http, INSTRUMENT);
        establish(top, null);
        for (String unit : List.of("a", "b", "c", "d", "e")) {
            establish(top + "/" + unit, top);
        }
        abolish(top + "/a", "MERGED_INTO", List.of(top + "/b"));
        abolish(top + "/c", "SPLIT_INTO", List.of(top + "/d", top + "/e"));
        long wrong = ok("/api/units/rename/" + top + "/b", Map.of("name", Map.of("en", "B (draft)"),
                "effectiveFrom", "2005-06-01", "authority", authority("3"))).get("sequence").asLong();
        Instant beforeRetraction = Instant.now();
        ok("/api/units/retract/" + top + "/b", Map.of("sequence", wrong, "reason", "recorded from a draft",
                "authority", authority("3")));

        Model model = StructureGraphTest.parse(
                http.getForObject("/api/export/changes?from=2005-01-01&to=2005-12-31&format=turtle", String.class), "TURTLE");
        Resource merger = abolitionOf(model, top + "/a");
        assertThat(merger.getProperty(property(model, LEDGER + "closure")).getString()).isEqualTo("MERGED_INTO");
        assertThat(objects(model, merger, ORG + "originalOrganization")).containsExactly(unit(top + "/a"));
        assertThat(objects(model, merger, ORG + "resultingOrganization")).containsExactly(unit(top + "/b"));
        assertThat(model.contains(model.createResource(unit(top + "/b")), property(model, ORG + "resultedFrom"), merger)).isTrue();
        Resource split = abolitionOf(model, top + "/c");
        assertThat(objects(model, split, ORG + "originalOrganization")).containsExactly(unit(top + "/c"));
        assertThat(objects(model, split, ORG + "resultingOrganization")).containsExactlyInAnyOrder(unit(top + "/d"), unit(top + "/e"));
        assertThat(model.contains(split, property(model, PROV + "used"), model.createResource("urn:orgledger:instrument/TEST/CHANGES/1"))).isTrue();

        Resource wrongRecord = model.createResource("urn:orgledger:record/" + wrong);
        assertThat(wrongRecord.hasProperty(property(model, PROV + "invalidatedAtTime"))).isTrue();
        assertThat(wrongRecord.hasProperty(property(model, PROV + "wasInvalidatedBy"))).isTrue();
        assertThat(model.containsResource(model.createResource("urn:orgledger:change/" + wrong)))
                .as("a retracted change is no longer asserted as an event").isFalse();

        // as the ledger knew it before the retraction, the renaming stands
        Model before = StructureGraphTest.parse(http.getForObject("/api/export/changes?from=2005-01-01&to=2005-12-31&format=turtle&knownAt="
                + beforeRetraction, String.class), "TURTLE");
        Resource renaming = before.createResource("urn:orgledger:change/" + wrong);
        assertThat(before.contains(renaming, RDF.type, before.createResource(ORG + "ChangeEvent"))).isTrue();
        assertThat(before.createResource("urn:orgledger:record/" + wrong).hasProperty(property(before, PROV + "invalidatedAtTime"))).isFalse();
    }

    @Test
    void the_change_csv_has_one_row_per_change_with_who_recorded_it() {
        ResponseEntity<String> csv = http.getForEntity("/api/export/changes?to=2002-01-01&format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<List<String>> rows = CsvwCheck.parseCsv(csv.getBody());
        assertThat(rows.get(0)).containsExactly("sequence", "type", "unitId", "subjectInstrument", "effectiveFrom",
                "instrument", "provision", "recordedAt", "recordedBy", "retracted", "retractedBy");
        List<String> renaming = rows.stream().filter(row -> row.get(1).equals("UnitRenamed") && row.get(2).equals("un-habitat"))
                .findFirst().orElseThrow();
        assertThat(renaming.subList(1, 7)).containsExactly("UnitRenamed", "un-habitat", "", "2002-01-01", "A/RES/56/206", "unspecified");
        assertThat(renaming.get(8)).isEqualTo(recordedBy(Long.parseLong(renaming.get(0)), "2002-01-01"));
        assertThat(Instant.parse(renaming.get(7))).isBefore(Instant.now());
        assertThat(renaming.subList(9, 11)).containsExactly("false", "");
    }

    @Test
    void bad_parameters_are_refused_with_the_read_codes() {
        refused("/api/export/changes?from=2003-01-01&to=2002-01-01", "INVALID_DATE_RANGE", "from");
        refused("/api/export/changes?to=2002-13-01", "INVALID_DATE", "to");
        refused("/api/export/changes?knownAt=yesterday", "INVALID_INSTANT", "knownAt");
        refused("/api/export/changes?format=xml", "INVALID_INPUT", "format");
        refused("/api/export/changes/csv-metadata?format=turtle", "INVALID_INPUT", "format");
        refused("/api/export/popolo", "MISSING_PARAMETER", "asOf");
        refused("/api/export/popolo?asOf=0999-12-31", "INVALID_DATE", "asOf");
        refused("/api/export/popolo?asOf=2002-12-01&lang=Chinese!", "INVALID_LANGUAGE", "lang");
        refused("/api/export/structure/csv-metadata?asOf=2002-12-01&knownAt=10000-01-01T00:00:00Z", "INVALID_INSTANT", "knownAt");
    }

    /** Who the ledger says recorded the change of that sequence (its timeline, the source of the exports). */
    private String recordedBy(long sequence, String effectiveFrom) {
        JsonNode timeline = http.getForObject("/api/timeline?from=" + effectiveFrom + "&to=" + effectiveFrom, JsonNode.class);
        for (JsonNode change : timeline.get("changes")) {
            if (change.get("sequence").asLong() == sequence) {
                return change.get("recordedBy").asText();
            }
        }
        throw new AssertionError("no change " + sequence + " in the timeline");
    }

    private void refused(String path, String code, String field) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).as(path).startsWith("application/problem+json");
        assertThat(response.getBody().get("code").asText()).as(path).isEqualTo(code);
        assertThat(response.getBody().at("/errors/0/field").asText()).as(path).isEqualTo(field);
    }

    private static Resource abolitionOf(Model model, String unitId) {
        return model.listSubjectsWithProperty(property(model, ORG + "originalOrganization"), model.createResource(unit(unitId)))
                .next();
    }

    private static List<String> objects(Model model, Resource subject, String predicate) {
        return model.listObjectsOfProperty(subject, property(model, predicate)).mapWith(node -> node.asResource().getURI()).toList();
    }

    private static String date(Model model, Resource change) {
        Literal date = change.getProperty(property(model, DCTERMS + "date")).getLiteral();
        assertThat(date.getDatatypeURI()).isEqualTo(XSDDatatype.XSDdate.getURI());
        return date.getLexicalForm();
    }

    private static Property property(Model model, String iri) {
        return model.createProperty(iri);
    }

    private static String unit(String id) {
        return "urn:orgledger:unit/" + id;
    }

    private void establish(String id, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "kind", parentId == null ? "ENTITY" : "DIVISION",
                "name", Map.of("en", id), "effectiveFrom", "2005-01-01", "authority", authority("1")));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        assertThat(TestUsers.registrar(http).postForEntity("/api/units", body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private void abolish(String id, String closure, List<String> successors) {
        ok("/api/units/abolish/" + id, Map.of("closure", closure, "successorIds", successors,
                "effectiveFrom", "2005-03-01", "authority", authority("2")));
    }

    private JsonNode ok(String path, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = TestUsers.registrar(http).postForEntity(path, body, JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s", path, response.getBody()).isTrue();
        return response.getBody();
    }

    private static Map<String, String> authority(String provision) {
        return Map.of("instrument", INSTRUMENT, "provision", provision);
    }
}
