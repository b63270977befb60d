package org.orgledger.unit.command;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.orgledger.ledger.events.EventNames;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's view across units: which exist, when, under whom, and which instruments
 * their changes cite. A subscribing handler keeps it in the appending transaction, and commands
 * read it under the ledger lock, so checks that span units see every committed change.
 */
@Component
@ProcessingGroup(UnitRegistry.PROCESSING_GROUP)
public class UnitRegistry {

    public static final String PROCESSING_GROUP = "unit-registry";

    private final JdbcTemplate jdbc;

    UnitRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(UnitId unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM unit_registry WHERE unit_id = ?)", Boolean.class, unitId.value()));
    }

    public boolean inForceOn(UnitId unitId, LocalDate date) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM unit_registry WHERE unit_id = ?
                    AND established_on <= ? AND (abolished_on IS NULL OR abolished_on > ?))""",
                Boolean.class, unitId.value(), Date.valueOf(date), Date.valueOf(date)));
    }

    /** The day the unit's recorded abolition takes effect, if it has one. */
    public java.util.Optional<LocalDate> abolishedOn(UnitId unitId) {
        return jdbc.query("SELECT abolished_on FROM unit_registry WHERE unit_id = ? AND abolished_on IS NOT NULL",
                (rs, i) -> rs.getObject(1, LocalDate.class), unitId.value()).stream().findFirst();
    }

    /** Every unit whose changes cite {@code instrument}. */
    public List<UnitId> citing(String instrument) {
        return jdbc.queryForList("SELECT unit_id FROM unit_citation WHERE instrument = ? ORDER BY unit_id",
                String.class, instrument).stream().map(UnitId::of).toList();
    }

    /** {@code units} ordered so that, on {@code date}, every unit comes before the unit it reports to. */
    public List<UnitId> deepestFirst(List<UnitId> units, LocalDate date) {
        ReportingGraph graph = reportingGraph();
        return units.stream()
                .sorted(java.util.Comparator.comparingInt((UnitId unit) -> graph.depthOn(unit.value(), date)).reversed()
                        .thenComparing(UnitId::value))
                .toList();
    }

    /** The reporting lines of every unit, for the checks that walk the whole hierarchy (a supersession's order). */
    ReportingGraph reportingGraph() {
        return graphOf("SELECT unit_id FROM unit_registry");
    }

    /**
     * The units that ever reported to {@code unitId}, directly or through others, with the unit
     * itself: all that can decide whether a move of the unit closes a reporting cycle (only a
     * unit below it can lead back to it) and which units report to it. Bounded by the unit's
     * subtree, not by the organization.
     */
    ReportingGraph reportingGraphBelow(UnitId unitId) {
        return graphOf("""
                WITH RECURSIVE below (unit_id) AS (
                    SELECT ?::text
                    UNION
                    SELECT a.unit_id FROM unit_parent_assertion a JOIN below b ON a.parent_id = b.unit_id
                    WHERE NOT a.retracted)
                SELECT unit_id FROM below""", unitId.value());
    }

    /** The units that ever reported directly to {@code unitId}, for the question which still do. */
    ReportingGraph reportingGraphOfChildren(UnitId unitId) {
        return graphOf("SELECT DISTINCT unit_id FROM unit_parent_assertion WHERE parent_id = ? AND NOT retracted",
                unitId.value());
    }

    private ReportingGraph graphOf(String unitsQuery, Object... arguments) {
        ReportingGraph graph = new ReportingGraph();
        String units = "WITH chosen AS (" + unitsQuery + ") ";
        jdbc.query(units + """
                SELECT r.unit_id, r.established_on, r.abolished_on FROM unit_registry r
                WHERE r.unit_id IN (SELECT unit_id FROM chosen)""", rs -> {
            graph.addUnit(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
        }, arguments);
        jdbc.query(units + """
                SELECT unit_id, change_number, effective_from, parent_id FROM unit_parent_assertion
                WHERE NOT retracted AND unit_id IN (SELECT unit_id FROM chosen)""", rs -> {
            graph.addParentAssertion(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4));
        }, arguments);
        return graph;
    }

    @EventHandler
    void on(UnitEstablished event, @SequenceNumber long changeNumber) {
        // one round trip for the three rows (an import establishes thousands of units)
        TransactionCitations.firstInTransaction(event.unitId().value(), event.authority().instrument().value());
        jdbc.update("""
                WITH registered AS (
                    INSERT INTO unit_registry (unit_id, established_on) VALUES (?, ?)),
                asserted AS (
                    INSERT INTO unit_parent_assertion (unit_id, change_number, effective_from, parent_id)
                    VALUES (?, ?, ?, ?))
                INSERT INTO unit_citation (unit_id, instrument) VALUES (?, ?) ON CONFLICT DO NOTHING""",
                event.unitId().value(), Date.valueOf(event.effectiveFrom()),
                event.unitId().value(), changeNumber, Date.valueOf(event.effectiveFrom()),
                event.parentId() == null ? null : event.parentId().value(),
                event.unitId().value(), event.authority().instrument().value());
    }

    @EventHandler
    void on(ReportingLineChanged event, @SequenceNumber long changeNumber) {
        assertParent(event.unitId(), changeNumber, event.effectiveFrom(), event.parentId());
        cite(event);
    }

    @EventHandler
    void on(UnitAbolished event) {
        jdbc.update("UPDATE unit_registry SET abolished_on = ? WHERE unit_id = ?",
                Date.valueOf(event.effectiveFrom()), event.unitId().value());
        cite(event);
    }

    @EventHandler
    void on(ChangeRetracted event) {
        jdbc.update("UPDATE unit_parent_assertion SET retracted = true WHERE unit_id = ? AND change_number = ?",
                event.unitId().value(), event.changeNumber());
        if (EventNames.shortName(UnitAbolished.class).equals(event.retractedType())) {
            jdbc.update("UPDATE unit_registry SET abolished_on = NULL WHERE unit_id = ?", event.unitId().value());
        }
        cite(event);
    }

    @EventHandler
    void on(UnitEvent event) {
        cite(event);
    }

    private void assertParent(UnitId unitId, long changeNumber, LocalDate from, UnitId parentId) {
        jdbc.update("""
                INSERT INTO unit_parent_assertion (unit_id, change_number, effective_from, parent_id)
                VALUES (?, ?, ?, ?)""",
                unitId.value(), changeNumber, Date.valueOf(from), parentId == null ? null : parentId.value());
    }

    private void cite(UnitEvent event) {
        if (!TransactionCitations.firstInTransaction(event.unitId().value(), event.authority().instrument().value())) {
            return; // an import cites its instrument thousands of times in one transaction
        }
        jdbc.update("INSERT INTO unit_citation (unit_id, instrument) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.unitId().value(), event.authority().instrument().value());
    }
}
