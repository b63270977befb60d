package org.orgledger.benchmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one bulletin file (docs/bulletin-format.md) entry by entry. Entries are YAML flow
 * mappings, one per line, so a file of a few thousand changes stays well under the 1 MB body
 * limit. It counts the commands the file stands for: that count is the file's size in changes.
 */
final class BulletinWriter {

    private final String symbol;
    private final String title;
    private final LocalDate issuedOn;
    private final LocalDate effectiveFrom;
    private final List<String> supersedes = new ArrayList<>();
    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    private int changes = 1; // the instrument itself
    private int paragraph;

    BulletinWriter(String symbol, String title, LocalDate issuedOn, LocalDate effectiveFrom) {
        this.symbol = symbol;
        this.title = title;
        this.issuedOn = issuedOn;
        this.effectiveFrom = effectiveFrom;
        for (String section : List.of("units", "functions", "renamings", "moves", "heads", "vacancies", "withdrawals",
                "reaffirmations", "abolitions")) {
            sections.put(section, new ArrayList<>());
        }
    }

    String symbol() {
        return symbol;
    }

    LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    int changes() {
        return changes;
    }

    /** A new provision of this instrument for every entry: "section.paragraph". */
    private String provision() {
        paragraph++;
        return "\"" + (paragraph / 100 + 1) + "." + (paragraph % 100 + 1) + "\"";
    }

    void supersede(String superseded) {
        supersedes.add("  - {symbol: " + superseded + ", provision: " + provision() + "}");
        changes++;
    }

    /** A new unit, optionally with a head, and its first functions. */
    void establish(String id, String kind, String name, String parentId, LocalDate date, Head head,
                   List<String[]> functions) {
        StringBuilder entry = new StringBuilder("  - {id: ").append(id).append(", kind: ").append(kind)
                .append(", name: ").append(text(name)).append(", parentId: ").append(parentId == null ? "null" : parentId)
                .append(", provision: ").append(provision()).append(dated(date));
        changes++;
        if (head != null) {
            entry.append(", head: {title: ").append(text(head.title())).append(", level: ").append(head.level())
                    .append(", provision: ").append(provision()).append("}");
            changes++;
        }
        if (!functions.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (String[] function : functions) {
                items.add("{id: " + function[0] + ", provision: " + provision() + ", text: " + text(function[1]) + "}");
                changes++;
            }
            entry.append(", functions: [").append(String.join(", ", items)).append("]");
        }
        sections.get("units").add(entry.append("}").toString());
    }

    void assignFunction(String unitId, String functionId, String text, LocalDate date) {
        add("functions", "  - {unitId: " + unitId + ", id: " + functionId + ", provision: " + provision() + ", text: "
                + text(text) + dated(date) + "}");
    }

    void rename(String unitId, String name, LocalDate date) {
        add("renamings", "  - {unitId: " + unitId + ", name: " + text(name) + ", provision: " + provision() + dated(date) + "}");
    }

    void move(String unitId, String parentId, LocalDate date) {
        add("moves", "  - {unitId: " + unitId + ", parentId: " + parentId + ", provision: " + provision() + dated(date) + "}");
    }

    void designateHead(String unitId, Head head, LocalDate date) {
        add("heads", "  - {unitId: " + unitId + ", title: " + text(head.title()) + ", level: " + head.level()
                + ", provision: " + provision() + dated(date) + "}");
    }

    void vacate(String unitId, LocalDate date) {
        add("vacancies", "  - {unitId: " + unitId + ", provision: " + provision() + dated(date) + "}");
    }

    void withdraw(String unitId, String functionId, LocalDate date) {
        add("withdrawals", "  - {unitId: " + unitId + ", functionId: " + functionId + ", provision: " + provision()
                + dated(date) + "}");
    }

    void reaffirm(String unitId, String functionId, LocalDate date) {
        add("reaffirmations", "  - {unitId: " + unitId + (functionId == null ? "" : ", functionId: " + functionId)
                + ", provision: " + provision() + dated(date) + "}");
    }

    void abolish(String unitId, String mergedInto, LocalDate date) {
        add("abolitions", "  - {unitId: " + unitId
                + (mergedInto == null ? "" : ", closure: MERGED_INTO, successorIds: [" + mergedInto + "]")
                + ", provision: " + provision() + dated(date) + "}");
    }

    private void add(String section, String entry) {
        sections.get(section).add(entry);
        changes++;
    }

    private String dated(LocalDate date) {
        return date.equals(effectiveFrom) ? "" : ", effectiveFrom: \"" + date + "\"";
    }

    /** Generated texts hold no quote or backslash, so double quotes need no escaping. */
    private static String text(String english) {
        return "{en: \"" + english + "\"}";
    }

    byte[] toYaml() {
        StringBuilder yaml = new StringBuilder()
                .append("format: orgledger-bulletin/1\n")
                .append("instrument:\n")
                .append("  symbol: ").append(symbol).append('\n')
                .append("  kind: BULLETIN\n")
                .append("  title: ").append(text(title)).append('\n')
                .append("  issuedOn: \"").append(issuedOn).append("\"\n")
                .append("  effectiveFrom: \"").append(effectiveFrom).append("\"\n")
                .append("  notes: [\"Synthetic: generated by the OrgLedger benchmark.\"]\n");
        if (!supersedes.isEmpty()) {
            yaml.append("supersedes:\n");
            supersedes.forEach(line -> yaml.append(line).append('\n'));
        }
        sections.forEach((section, entries) -> {
            if (!entries.isEmpty()) {
                yaml.append(section).append(":\n");
                entries.forEach(line -> yaml.append(line).append('\n'));
            }
        });
        return yaml.toString().getBytes(StandardCharsets.UTF_8);
    }

    record Head(String title, String level) {
    }
}
