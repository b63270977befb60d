package org.orgledger.export;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;

/**
 * The structure as of a date as CSV (RFC 4180), one row per unit, parents before children; one
 * {@code name@<language>} column per language present.
 */
final class StructureCsv {

    private StructureCsv() {
    }

    static String write(StructureView structure) {
        TreeSet<String> languages = new TreeSet<>();
        structure.units().forEach(unit -> languages.addAll(unit.name().values().keySet()));
        List<String> header = new ArrayList<>(List.of("id", "kind", "parentId", "instrument", "provision"));
        languages.forEach(language -> header.add("name@" + language));
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (UnitView unit : structure.units()) {
            List<String> row = new ArrayList<>(List.of(unit.id(), unit.kind().name(), nullToEmpty(unit.parentId()),
                    unit.authority() == null ? "" : unit.authority().instrument().value(),
                    unit.authority() == null ? "" : unit.authority().provision()));
            languages.forEach(language -> row.add(unit.name().in(language).orElse("")));
            out.append(String.join(",", row.stream().map(StructureCsv::field).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
