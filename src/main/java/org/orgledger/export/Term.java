package org.orgledger.export;

/** An RDF term: an IRI, or a literal with an optional language tag or datatype IRI. */
sealed interface Term {

    record Iri(String value) implements Term {
    }

    /** At most one of {@code language} and {@code datatype} is set; neither: a plain string. */
    record Literal(String value, String language, String datatype) implements Term {
    }

    static Iri iri(String value) {
        return new Iri(value);
    }

    static Literal literal(String value) {
        return new Literal(value, null, null);
    }

    static Literal literal(String value, String language) {
        return new Literal(value, language, null);
    }

    static Literal typed(String value, String datatype) {
        return new Literal(value, null, datatype);
    }
}
