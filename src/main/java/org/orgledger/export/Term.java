package org.orgledger.export;

/** An RDF term: an IRI, or a literal with an optional language tag. */
sealed interface Term {

    record Iri(String value) implements Term {
    }

    record Literal(String value, String language) implements Term {
    }

    static Iri iri(String value) {
        return new Iri(value);
    }

    static Literal literal(String value) {
        return new Literal(value, null);
    }

    static Literal literal(String value, String language) {
        return new Literal(value, language);
    }
}
