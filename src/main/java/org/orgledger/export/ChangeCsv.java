package org.orgledger.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The change history as CSV (RFC 4180), one row per recorded change in effective-date order,
 * with fixed columns ({@link #COLUMNS}, also what the CSVW metadata describes).
 */
final class ChangeCsv {

    static final List<CsvColumn> COLUMNS = List.of(
            CsvColumn.of("sequence", "integer", true, "The change's global sequence in the ledger"),
            CsvColumn.of("type", "string", true, "What changed: the event's name, e.g. UnitRenamed"),
            CsvColumn.of("unitId", "string", false, "The unit changed; empty for a change of an instrument"),
            CsvColumn.of("subjectInstrument", "string", false, "The instrument changed (promulgated, superseded); empty for a change of a unit"),
            CsvColumn.of("effectiveFrom", "date", true, "The date the change took effect (valid time)"),
            CsvColumn.of("instrument", "string", false, "The symbol of the instrument that grounds the change"),
            CsvColumn.of("provision", "string", false, "The provision of that instrument"),
            CsvColumn.of("recordedAt", "dateTime", true, "When the ledger recorded it (transaction time, UTC)"),
            CsvColumn.of("recordedBy", "string", true, "Who recorded it"),
            CsvColumn.of("retracted", "boolean", true, "Whether a later correction, recorded by knownAt, retracted it"),
            CsvColumn.of("retractedBy", "integer", false, "The sequence of that correction"));

    private ChangeCsv() {
    }

    static String write(List<ObjectNode> changes) {
        CsvTable table = new CsvTable(COLUMNS);
        for (ObjectNode change : changes) {
            JsonNode authority = change.path("authority");
            table.row(List.of(change.path("sequence").asText(), change.path("type").asText(), text(change, "unitId"),
                    text(change, "instrument"), change.path("effectiveFrom").asText(), text(authority, "instrument"),
                    text(authority, "provision"), change.path("recordedAt").asText(), change.path("recordedBy").asText(),
                    Boolean.toString(change.path("retracted").asBoolean(false)), text(change, "retractedBy")));
        }
        return table.text();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : "";
    }
}
