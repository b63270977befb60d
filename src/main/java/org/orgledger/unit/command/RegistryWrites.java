package org.orgledger.unit.command;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.orgledger.platform.eventstore.StepAlreadyTaken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * What one transaction knows of the unit registry: every unit it has read or changed (so an
 * import's thousands of commands ask PostgreSQL about each unit once), and the rows it has
 * changed, written together just before it commits or before a query that reads the tables.
 * Commands hold the ledger lock while they read (decision 0002), so what was read stays true
 * for the transaction, except for its own changes, which land here first.
 */
final class RegistryWrites implements TransactionSynchronization {

    /** A unit's span in the registry. */
    record Registration(LocalDate establishedOn, LocalDate abolishedOn) {

        boolean inForceOn(LocalDate date) {
            return !establishedOn.isAfter(date) && (abolishedOn == null || abolishedOn.isAfter(date));
        }
    }

    private final JdbcTemplate jdbc;
    private final Map<String, Optional<Registration>> units = new HashMap<>();
    /** Units this transaction established (inserted at the write) and the others it changed (updated). */
    private final Set<String> established = new LinkedHashSet<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final List<StoredLines.ParentLine> parentAssertions = new ArrayList<>();
    private final Set<UnitChange> retractedAssertions = new LinkedHashSet<>();
    private final List<Object[]> citations = new ArrayList<>();
    private final Set<List<String>> cited = new HashSet<>();

    RegistryWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the registry holds of {@code unitId}, this transaction's changes included. */
    Optional<Registration> registration(String unitId) {
        return units.computeIfAbsent(unitId, this::read);
    }

    /** Reads the units not known yet in one query (an import names its units up front). */
    void preload(Set<String> unitIds) {
        List<String> unknown = unitIds.stream().filter(id -> !units.containsKey(id)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(id -> units.put(id, Optional.empty()));
        jdbc.query("SELECT unit_id, established_on, abolished_on FROM unit_registry WHERE unit_id = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", unknown.toArray())),
                rs -> {
                    units.put(rs.getString(1), Optional.of(new Registration(rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class))));
                });
    }

    private Optional<Registration> read(String unitId) {
        return jdbc.query("SELECT established_on, abolished_on FROM unit_registry WHERE unit_id = ?",
                (rs, i) -> new Registration(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)),
                unitId).stream().findFirst();
    }

    void establish(String unitId, LocalDate on) {
        units.put(unitId, Optional.of(new Registration(on, null)));
        established.add(unitId);
    }

    void abolishedOn(String unitId, LocalDate on) {
        registration(unitId).ifPresent(registration -> {
            units.put(unitId, Optional.of(new Registration(registration.establishedOn(), on)));
            changed.add(unitId);
        });
    }

    void assertParent(String unitId, long changeNumber, LocalDate from, String parentId) {
        parentAssertions.add(new StoredLines.ParentLine(unitId, changeNumber, from, parentId));
    }

    void retractParentAssertion(String unitId, long changeNumber) {
        retractedAssertions.add(new UnitChange(unitId, changeNumber));
    }

    /** The units this transaction's unwritten assertions put under one of {@code parents}. */
    Set<String> unwrittenChildrenOf(Set<String> parents) {
        Set<String> children = new LinkedHashSet<>();
        parentAssertions.stream()
                .filter(line -> line.parentId() != null && parents.contains(line.parentId())
                        && !retractedAssertions.contains(UnitChange.of(line)))
                .forEach(line -> children.add(line.unitId()));
        return children;
    }

    /**
     * The reporting graph of {@code chosen} as this transaction sees it: the stored rows read
     * into {@code stored}, with this transaction's unwritten registrations, assertions and
     * retractions laid over them.
     */
    ReportingGraph graphOf(Set<String> chosen, StoredLines stored) {
        ReportingGraph graph = new ReportingGraph();
        for (String unitId : chosen) {
            Optional<Registration> registration = Optional.ofNullable(units.get(unitId)).flatMap(known -> known)
                    .or(() -> Optional.ofNullable(stored.units().get(unitId)));
            registration.ifPresent(known -> graph.addUnit(unitId, known.establishedOn(), known.abolishedOn()));
        }
        Stream.concat(stored.lines().stream(), parentAssertions.stream())
                .filter(line -> chosen.contains(line.unitId()) && !retractedAssertions.contains(UnitChange.of(line)))
                .forEach(line -> graph.addParentAssertion(line.unitId(), line.changeNumber(), line.from(), line.parentId()));
        return graph;
    }

    /** Every unit this transaction established or whose lines it changed and has not yet written. */
    Set<String> unwrittenUnits() {
        Set<String> unwritten = new LinkedHashSet<>(established);
        parentAssertions.forEach(line -> unwritten.add(line.unitId()));
        return unwritten;
    }

    /** One change of one unit's history, the registry's key for an assertion. */
    record UnitChange(String unitId, long changeNumber) {
        static UnitChange of(StoredLines.ParentLine line) {
            return new UnitChange(line.unitId(), line.changeNumber());
        }
    }

    /** Once per (unit, instrument) in a transaction: an import cites its instrument thousands of times. */
    void cite(String unitId, String instrument) {
        if (cited.add(List.of(unitId, instrument))) {
            citations.add(new Object[] {unitId, instrument});
        }
    }

    /**
     * Sends the changes, in an order that keeps their meaning: units before their assertions,
     * assertions before their retractions. The tables are keyed like the event store (unit,
     * change number), so a second first step of a unit's history is refused here as the store
     * refuses it: as a concurrent change.
     */
    void write() {
        try {
            StepAlreadyTaken.refusingDuplicates("a unit's history", this::writeRows);
        } finally {
            established.clear();
            changed.clear();
        }
    }

    private void writeRows() {
        if (!established.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO unit_registry (unit_id, established_on, abolished_on) VALUES (?, ?, ?)",
                    established.stream().map(this::registrationRow).toList());
        }
        changed.removeAll(established);
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("UPDATE unit_registry SET abolished_on = ? WHERE unit_id = ?", changed.stream()
                    .map(id -> new Object[] {date(registration(id).map(Registration::abolishedOn).orElse(null)), id})
                    .toList());
        }
        batch("INSERT INTO unit_parent_assertion (unit_id, change_number, effective_from, parent_id) VALUES (?, ?, ?, ?)",
                parentAssertions.stream().map(line -> new Object[] {line.unitId(), line.changeNumber(),
                        Date.valueOf(line.from()), line.parentId()}).toList());
        parentAssertions.clear();
        batch("UPDATE unit_parent_assertion SET retracted = true WHERE unit_id = ? AND change_number = ?",
                retractedAssertions.stream().map(change -> new Object[] {change.unitId(), change.changeNumber()}).toList());
        retractedAssertions.clear();
        batch("INSERT INTO unit_citation (unit_id, instrument) VALUES (?, ?) ON CONFLICT DO NOTHING", citations);
        citations.clear();
    }

    private Object[] registrationRow(String unitId) {
        Registration registration = registration(unitId).orElseThrow();
        return new Object[] {unitId, Date.valueOf(registration.establishedOn()), date(registration.abolishedOn())};
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        write();
    }
}
