package org.orgledger.structure.query;

/** The facts of a unit that the read model keeps a timeline for. */
final class FactKeys {

    static final String EXISTENCE = "existence";
    static final String NAME = "name";
    /** Which languages of the name are summaries or unofficial translations (absent: none). */
    static final String NAME_LABELS = "name-labels";
    static final String PARENT = "parent";
    static final String HEAD = "head";
    private static final String FUNCTION_PREFIX = "function:";
    /** One per recorded alternate name, keyed by the sequence of the change that records it. */
    private static final String ALTERNATE_NAME_PREFIX = "alternate-name:";

    private FactKeys() {
    }

    static String function(String functionId) {
        return FUNCTION_PREFIX + functionId;
    }

    static boolean isFunction(String factKey) {
        return factKey.startsWith(FUNCTION_PREFIX);
    }

    static String alternateName(long sequence) {
        return ALTERNATE_NAME_PREFIX + sequence;
    }

    static boolean isAlternateName(String factKey) {
        return factKey.startsWith(ALTERNATE_NAME_PREFIX);
    }
}
