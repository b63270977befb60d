package org.orgledger.platform;

/** CSV as RFC 4180 writes it: a field is quoted, its quotes doubled, where it holds a comma, a quote or a line break. */
public final class Csv {

    private Csv() {
    }

    public static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
