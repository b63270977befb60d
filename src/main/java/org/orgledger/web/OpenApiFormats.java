package org.orgledger.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;

/**
 * The bodies that are not JSON views of a record, so springdoc cannot see them: the structure
 * export (JSON-LD, Turtle, CSV), the log export (JSON Lines, CSV), the signed notes of the
 * checkpoints, and the list of instruments (a map around the views). Each operation's 200 answer is described here per media type, keyed like the
 * summaries by "METHOD path"; the component schemas follow what export/JsonLdWriter,
 * export/StructureCsv and audit/LogExport write.
 */
final class OpenApiFormats {

    static final String STRUCTURE_JSON_LD = "StructureJsonLd";
    static final String LOG_EXPORT_RECORD = "LogExportRecord";
    static final String INSTRUMENT_LIST = "InstrumentList";

    private static final String HEX = "^[0-9a-f]{64}$";

    /** The values of each operation's {@code format} parameter. */
    static final Map<String, List<String>> FORMAT_VALUES = Map.of(
            "GET /api/export/structure", List.of("jsonld", "turtle", "csv"),
            "GET /api/audit/export", List.of("jsonl", "csv"));

    private OpenApiFormats() {
    }

    static void addSchemas(Components components) {
        components.addSchemas(STRUCTURE_JSON_LD, structureJsonLd());
        components.addSchemas(LOG_EXPORT_RECORD, logExportRecord());
        components.addSchemas(INSTRUMENT_LIST, new ObjectSchema()
                .addProperty("instruments", new ArraySchema().items(ref("InstrumentView")))
                .description("Every recorded instrument, in the order they took effect"));
    }

    /** The 200 content of the operations whose body is not one JSON view, by "METHOD path". */
    static Map<String, Content> contents() {
        Content note = new Content().addMediaType("text/plain", new MediaType().schema(new StringSchema()
                .description("UTF-8 text in the C2SP signed-note form (docs/audit-chain.md, Checkpoints)")));
        return Map.of(
                "GET /api/export/structure", new Content()
                        .addMediaType("application/ld+json", new MediaType().schema(ref(STRUCTURE_JSON_LD)))
                        .addMediaType("text/turtle", new MediaType().schema(new StringSchema()
                                .description("format=turtle: the same graph as RDF 1.1 Turtle (W3C ORG, PROV)")))
                        .addMediaType("text/csv", new MediaType().schema(new StringSchema()
                                .description("format=csv: RFC 4180, one row per unit, parents first; header "
                                        + "id,kind,parentId,instrument,provision, then name@<language> per language"))),
                "GET /api/audit/export", new Content()
                        .addMediaType("application/x-ndjson", new MediaType().schema(ref(LOG_EXPORT_RECORD)))
                        .addMediaType("text/csv", new MediaType().schema(new StringSchema()
                                .description("format=csv, for reading only: RFC 4180 with the header "
                                        + "sequence,recordedAt,recordedBy,type,aggregateIdentifier,aggregateSequence,"
                                        + "payload,hash,previousHash"))),
                "GET /api/instruments", new Content()
                        .addMediaType("application/json", new MediaType().schema(ref(INSTRUMENT_LIST))),
                "GET /api/audit/checkpoint", note,
                "GET /api/audit/checkpoint/verifier-key", note,
                "GET /api/audit/checkpoint/verifier-keys", note);
    }

    @SuppressWarnings("rawtypes")
    private static Schema structureJsonLd() {
        Schema value = new ObjectSchema().description("An IRI ({\"@id\"}) or a literal ({\"@value\"}, with @language for texts)")
                .addProperty("@id", new StringSchema())
                .addProperty("@value", new StringSchema())
                .addProperty("@language", new StringSchema());
        Schema node = new ObjectSchema().description("One subject: a unit (org:OrganizationalUnit, org:Post, ...),"
                        + " a function, an instrument, or a PROV entity; every other key is a compact predicate")
                .addProperty("@id", new StringSchema())
                .addProperty("@type", new ArraySchema().items(new StringSchema()).description("Compact class names, e.g. org:OrganizationalUnit"))
                .additionalProperties(new ArraySchema().items(value));
        node.setRequired(List.of("@id"));
        Schema document = new ObjectSchema()
                .description("format=jsonld: JSON-LD 1.1 in the W3C Organization Ontology with PROV; an inline"
                        + " @context of prefixes (nothing to fetch) and one node object per subject")
                .addProperty("@context", new MapSchema().additionalProperties(new StringSchema())
                        .description("Prefix to namespace IRI (org, prov, skos, rdfs, dct, ...)"))
                .addProperty("@graph", new ArraySchema().items(node));
        document.setRequired(List.of("@context", "@graph"));
        return document;
    }

    /**
     * One line of the JSON Lines export: the header first ({@code record} export), then every event in
     * sequence order, then the signing keys and the signed tree heads. Fields not named for a record
     * are absent from it.
     */
    @SuppressWarnings("rawtypes")
    private static Schema logExportRecord() {
        Schema record = new ObjectSchema()
                .description("One line of the log export (application/x-ndjson). record=export: the header (format,"
                        + " canonicalForm, treeHead, origin); record=event: one stored event, its bytes (base64) and"
                        + " chain hashes, with readable copies (type, recordedBy, payload) that a verifier checks against"
                        + " the bytes; record=signingKey: a key that signed tree heads; record=treeHead: a signed tree head."
                        + " See docs/audit-proofs.md and the offline verifier.")
                .addProperty("record", new StringSchema()._enum(List.of("export", "event", "signingKey", "treeHead")))
                .addProperty("format", new StringSchema())
                .addProperty("canonicalForm", new StringSchema())
                .addProperty("treeHead", new StringSchema())
                .addProperty("origin", new StringSchema())
                .addProperty("sequence", new IntegerSchema().format("int64"))
                .addProperty("eventIdentifier", new StringSchema())
                .addProperty("aggregateType", new StringSchema())
                .addProperty("aggregateIdentifier", new StringSchema())
                .addProperty("aggregateSequence", new IntegerSchema().format("int64"))
                .addProperty("payloadType", new StringSchema())
                .addProperty("payloadRevision", new StringSchema())
                .addProperty("timeStamp", new StringSchema())
                .addProperty("payloadBytes", new StringSchema().format("byte"))
                .addProperty("metaDataBytes", new StringSchema().format("byte"))
                .addProperty("previousHash", new StringSchema().pattern(HEX))
                .addProperty("hash", new StringSchema().pattern(HEX))
                .addProperty("type", new StringSchema())
                .addProperty("recordedBy", new StringSchema())
                .addProperty("payload", new ObjectSchema().description("The event's payload as JSON, for readers"))
                .addProperty("keyId", new StringSchema())
                .addProperty("algorithm", new StringSchema())
                .addProperty("publicKey", new StringSchema().description("PEM"))
                .addProperty("treeSize", new IntegerSchema().format("int64"))
                .addProperty("lastSequence", new IntegerSchema().format("int64"))
                .addProperty("root", new StringSchema().pattern(HEX))
                .addProperty("recordedAt", new StringSchema().format("date-time"))
                .addProperty("signature", new StringSchema().pattern("^[0-9a-f]+$"));
        record.setRequired(List.of("record"));
        return record;
    }

    @SuppressWarnings("rawtypes")
    private static Schema ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
