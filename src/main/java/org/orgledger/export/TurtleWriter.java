package org.orgledger.export;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes a {@link RdfGraph} as Turtle (W3C RDF 1.1 Turtle), one block per subject. */
final class TurtleWriter {

    private TurtleWriter() {
    }

    static String write(RdfGraph graph) {
        StringBuilder out = new StringBuilder();
        Vocabulary.PREFIXES.forEach((prefix, namespace) ->
                out.append("@prefix ").append(prefix).append(": <").append(namespace).append("> .\n"));
        for (Map.Entry<String, Map<String, List<Term>>> subject : graph.subjects().entrySet()) {
            out.append('\n').append(iri(subject.getKey()));
            Iterator<Map.Entry<String, List<Term>>> predicates = subject.getValue().entrySet().iterator();
            while (predicates.hasNext()) {
                Map.Entry<String, List<Term>> predicate = predicates.next();
                String name = predicate.getKey().equals(Vocabulary.TYPE) ? "a" : iri(predicate.getKey());
                out.append("\n    ").append(name).append(' ');
                List<Term> objects = predicate.getValue();
                for (int i = 0; i < objects.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append(term(objects.get(i)));
                }
                out.append(predicates.hasNext() ? " ;" : " .\n");
            }
        }
        return out.toString();
    }

    private static String term(Term term) {
        if (term instanceof Term.Iri iri) {
            return iri(iri.value());
        }
        Term.Literal literal = (Term.Literal) term;
        String quoted = "\"" + escape(literal.value()) + "\"";
        if (literal.language() != null) {
            return quoted + "@" + literal.language();
        }
        return literal.datatype() == null ? quoted : quoted + "^^" + iri(literal.datatype());
    }

    private static String iri(String iri) {
        String compact = Vocabulary.compact(iri);
        return compact != null ? compact : "<" + iri + ">";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }
}
