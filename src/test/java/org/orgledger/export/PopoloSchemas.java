package org.orgledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The Popolo project's published JSON schemas (src/test/resources/popolo, copied unchanged), read
 * by a maintained validator (networknt json-schema-validator). The schemas are draft-03, which no
 * maintained Java validator reads any more; draft-03 and draft-04 differ in them only in how a
 * required property is marked ({@code "required": true} on the property, a {@code "required"} list
 * on the object in draft-04), so that is rewritten and nothing else.
 */
final class PopoloSchemas {

    static final String ORGANIZATION = "http://www.popoloproject.com/schemas/organization.json";
    static final String POST = "http://www.popoloproject.com/schemas/post.json";
    private static final List<String> NAMES = List.of("organization", "post", "other_name", "identifier", "link",
            "contact_detail", "area", "membership", "person");

    private final SchemaRegistry registry;

    PopoloSchemas(ObjectMapper json) {
        Map<String, String> schemas = new HashMap<>();
        for (String name : NAMES) {
            String draft4 = toDraft4(read(json, name)).toString();
            // the published files name each other with and without "www."
            schemas.put("http://www.popoloproject.com/schemas/" + name + ".json", draft4);
            schemas.put("http://popoloproject.com/schemas/" + name + ".json", draft4);
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder.schemas(schemas));
    }

    /** The validator's complaints about {@code instance} against the schema at {@code iri}; empty when valid. */
    List<String> problems(String iri, JsonNode instance) {
        Schema schema = registry.getSchema(SchemaLocation.of(iri));
        return schema.validate(instance).stream().map(Error::toString).toList();
    }

    private static JsonNode read(ObjectMapper json, String name) {
        try (InputStream in = PopoloSchemas.class.getResourceAsStream("/popolo/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource popolo/" + name + ".json");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode toDraft4(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        if (copy instanceof ObjectNode object && object.has("$schema")) {
            object.put("$schema", "http://json-schema.org/draft-04/schema#");
        }
        rewriteRequired(copy);
        return copy;
    }

    private static void rewriteRequired(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("properties") instanceof ObjectNode properties) {
                List<String> required = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    if (property.getValue() instanceof ObjectNode definition && definition.path("required").isBoolean()) {
                        if (definition.remove("required").asBoolean()) {
                            required.add(property.getKey());
                        }
                    }
                }
                if (!required.isEmpty()) {
                    required.forEach(object.withArray("required")::add);
                }
            }
            object.forEach(PopoloSchemas::rewriteRequired);
        } else if (node.isArray()) {
            node.forEach(PopoloSchemas::rewriteRequired);
        }
    }
}
