package org.orgledger.export;

import java.util.LinkedHashMap;
import java.util.Map;

/** The W3C vocabularies the structure export speaks (ORG, PROV, SKOS, Dublin Core) and their prefixes. */
final class Vocabulary {

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String ORG = "http://www.w3.org/ns/org#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    /** Our own terms, only where no standard one fits (the provision cited, a head's level, a change's type). */
    static final String LEDGER = "https://orgledger.org/ns#";

    static final String TYPE = RDF + "type";

    /** Prefix to namespace, in the order written. */
    static final Map<String, String> PREFIXES = prefixes();

    private Vocabulary() {
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("org", ORG);
        prefixes.put("prov", PROV);
        prefixes.put("skos", SKOS);
        prefixes.put("dcterms", DCTERMS);
        prefixes.put("rdf", RDF);
        prefixes.put("xsd", XSD);
        prefixes.put("ol", LEDGER);
        return prefixes;
    }

    /** {@code org:Post} for an IRI in a known namespace, or null. */
    static String compact(String iri) {
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            String local = iri.startsWith(prefix.getValue()) ? iri.substring(prefix.getValue().length()) : null;
            if (local != null && local.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                return prefix.getKey() + ":" + local;
            }
        }
        return null;
    }
}
