package org.orgledger.export;

/**
 * One column of a CSV export, as both the CSV header and its CSV on the Web (CSVW) metadata
 * describe it: {@code title} is the header cell, {@code name} the CSVW column name (no '@'),
 * {@code datatype} a CSVW built-in datatype ({@code string}, {@code integer}, {@code date},
 * {@code dateTime}, {@code boolean}), {@code lang} the language of a text column (or null).
 */
record CsvColumn(String name, String title, String datatype, boolean required, String lang, String description) {

    static CsvColumn of(String name, String datatype, boolean required, String description) {
        return new CsvColumn(name, name, datatype, required, null, description);
    }
}
