package org.orgledger.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RDF statements grouped by subject, then predicate, in insertion order, so that the writers
 * print them in the order the export builds them (parents before children, changes by date).
 */
final class RdfGraph {

    private final Map<String, Map<String, List<Term>>> subjects = new LinkedHashMap<>();

    Map<String, Map<String, List<Term>>> subjects() {
        return subjects;
    }

    boolean has(String subject) {
        return subjects.containsKey(subject);
    }

    void add(String subject, String predicate, Term object) {
        subjects.computeIfAbsent(subject, s -> new LinkedHashMap<>())
                .computeIfAbsent(predicate, p -> new ArrayList<>())
                .add(object);
    }

    /** Percent-encodes everything but unreserved characters and '/', so ids and symbols stay readable IRIs. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
