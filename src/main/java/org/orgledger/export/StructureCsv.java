package org.orgledger.export;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;

/**
 * The structure as of a date as CSV (RFC 4180), one row per unit, parents before children; one
 * {@code name@<language>} column per language present. {@link #columns} is also what the CSVW
 * metadata describes, so the two cannot disagree.
 */
final class StructureCsv {

    private StructureCsv() {
    }

    static List<CsvColumn> columns(StructureView structure) {
        List<CsvColumn> columns = new ArrayList<>(List.of(
                CsvColumn.of("id", "string", true, "The unit's id: a stable slug path that survives renamings and moves"),
                CsvColumn.of("kind", "string", true, "ENTITY, OFFICE, POST, DIVISION, BRANCH, SECTION, FUND or OTHER"),
                CsvColumn.of("parentId", "string", false, "The id of the unit it reports to on the date; empty at the top"),
                CsvColumn.of("instrument", "string", false, "The symbol of the instrument that established it"),
                CsvColumn.of("provision", "string", false, "The provision of that instrument")));
        for (String language : languages(structure)) {
            columns.add(new CsvColumn("name_" + language.replace('-', '_'), "name@" + language, "string", false, language,
                    "The unit's name in force on the date, in " + language + "; empty where it has none in that language"));
        }
        return columns;
    }

    static String write(StructureView structure) {
        TreeSet<String> languages = languages(structure);
        CsvTable table = new CsvTable(columns(structure));
        for (UnitView unit : structure.units()) {
            List<String> row = new ArrayList<>(List.of(unit.id(), unit.kind().name(), nullToEmpty(unit.parentId()),
                    unit.authority() == null ? "" : unit.authority().instrument().value(),
                    unit.authority() == null ? "" : unit.authority().provision()));
            languages.forEach(language -> row.add(unit.name().in(language).orElse("")));
            table.row(row);
        }
        return table.text();
    }

    private static TreeSet<String> languages(StructureView structure) {
        TreeSet<String> languages = new TreeSet<>();
        structure.units().forEach(unit -> languages.addAll(unit.name().values().keySet()));
        return languages;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
