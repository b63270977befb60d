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

    private FactKeys() {
    }

    static String function(String functionId) {
        return FUNCTION_PREFIX + functionId;
    }

    static boolean isFunction(String factKey) {
        return factKey.startsWith(FUNCTION_PREFIX);
    }
}
