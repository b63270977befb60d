package org.orgledger.importing;

/**
 * One thing wrong with a bulletin file: where ({@code field} as a path such as
 * {@code units[3].functions[0].provision}, and the 1-based line and column) and what.
 */
public record FileProblem(String field, int line, int column, String message) {

    @Override
    public String toString() {
        return field + " (line " + line + ", column " + column + "): " + message;
    }
}
