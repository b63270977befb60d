package org.orgledger.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link RdfGraph} as JSON-LD 1.1: an inline {@code @context} of prefixes (nothing
 * to fetch) and one node object per subject in {@code @graph}.
 */
final class JsonLdWriter {

    private JsonLdWriter() {
    }

    static ObjectNode write(RdfGraph graph, ObjectMapper json) {
        ObjectNode document = json.createObjectNode();
        ObjectNode context = document.putObject("@context");
        Vocabulary.PREFIXES.forEach(context::put);
        ArrayNode nodes = document.putArray("@graph");
        for (Map.Entry<String, Map<String, List<Term>>> subject : graph.subjects().entrySet()) {
            ObjectNode node = nodes.addObject().put("@id", subject.getKey());
            for (Map.Entry<String, List<Term>> predicate : subject.getValue().entrySet()) {
                if (predicate.getKey().equals(Vocabulary.TYPE)) {
                    ArrayNode types = node.putArray("@type");
                    predicate.getValue().forEach(type -> types.add(name(((Term.Iri) type).value())));
                    continue;
                }
                ArrayNode values = node.putArray(name(predicate.getKey()));
                for (Term object : predicate.getValue()) {
                    if (object instanceof Term.Iri iri) {
                        values.addObject().put("@id", iri.value());
                    } else if (object instanceof Term.Literal literal) {
                        ObjectNode value = values.addObject().put("@value", literal.value());
                        if (literal.language() != null) {
                            value.put("@language", literal.language());
                        } else if (literal.datatype() != null) {
                            value.put("@type", name(literal.datatype()));
                        }
                    }
                }
            }
        }
        return document;
    }

    private static String name(String iri) {
        String compact = Vocabulary.compact(iri);
        return compact != null ? compact : iri;
    }
}
