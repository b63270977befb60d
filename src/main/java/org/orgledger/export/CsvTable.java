package org.orgledger.export;

import java.util.List;
import org.orgledger.platform.Csv;

/** Writes CSV (RFC 4180: CRLF line ends, fields quoted only when they must be) under a header of columns. */
final class CsvTable {

    private final StringBuilder out = new StringBuilder();
    private final int width;

    CsvTable(List<CsvColumn> columns) {
        this.width = columns.size();
        row(columns.stream().map(CsvColumn::title).toList());
    }

    CsvTable row(List<String> cells) {
        if (cells.size() != width) {
            throw new IllegalStateException("a row of " + cells.size() + " cells under " + width + " columns");
        }
        out.append(String.join(",", cells.stream().map(Csv::field).toList())).append("\r\n");
        return this;
    }

    String text() {
        return out.toString();
    }
}
