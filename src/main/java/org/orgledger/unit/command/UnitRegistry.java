package org.orgledger.unit.command;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.orgledger.platform.transaction.LedgerLock;
import org.orgledger.platform.transaction.TransactionScoped;
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
        return registration(unitId).isPresent();
    }

    public boolean inForceOn(UnitId unitId, LocalDate date) {
        return registration(unitId).filter(registration -> registration.inForceOn(date)).isPresent();
    }

    /** The day the unit's recorded abolition takes effect, if it has one. */
    public Optional<LocalDate> abolishedOn(UnitId unitId) {
        return registration(unitId).map(RegistryWrites.Registration::abolishedOn);
    }

    /**
     * Reads what the registry holds of {@code units} in one query, for the rest of the current
     * transaction (an import's file names its units up front). Takes the ledger lock first: what
     * is read must not change before the transaction's commands check it.
     */
    public void preload(Collection<UnitId> units) {
        LedgerLock.acquire(jdbc);
        working().ifPresent(working -> working.preload(
                units.stream().map(UnitId::value).collect(java.util.stream.Collectors.toSet())));
    }

    private Optional<RegistryWrites.Registration> registration(UnitId unitId) {
        return view().registration(unitId.value());
    }

    /** This transaction's view of the registry, or outside a transaction a view of the tables alone. */
    private RegistryWrites view() {
        return working().orElseGet(() -> new RegistryWrites(jdbc));
    }

    /** This transaction's view of the registry; empty outside a transaction. */
    private Optional<RegistryWrites> working() {
        return TransactionScoped.get(this, () -> new RegistryWrites(jdbc));
    }

    /** Applies a change to this transaction's view, or, outside a transaction, writes it at once. */
    private void change(java.util.function.Consumer<RegistryWrites> change) {
        Optional<RegistryWrites> working = working();
        RegistryWrites writes = working.orElseGet(() -> new RegistryWrites(jdbc));
        change.accept(writes);
        if (working.isEmpty()) {
            writes.write();
        }
    }

    /** A query that reads the tables directly: this transaction's changes must be in them first. */
    private void writePending() {
        TransactionScoped.<RegistryWrites>find(this).ifPresent(RegistryWrites::write);
    }

    /** Every unit whose changes cite {@code instrument}. */
    public List<UnitId> citing(String instrument) {
        writePending();
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
        RegistryWrites working = view();
        StoredLines stored = new StoredLines(jdbc);
        stored.readEvery();
        Set<String> chosen = new HashSet<>(stored.units().keySet());
        chosen.addAll(working.unwrittenUnits());
        return working.graphOf(chosen, stored);
    }

    /**
     * The units that ever reported to {@code unitId}, directly or through others, with the unit
     * itself: all that can decide whether a move of the unit closes a reporting cycle (only a
     * unit below it can lead back to it) and which units report to it. Bounded by the unit's
     * subtree, not by the organization. The tables' subtree first, then the units this
     * transaction has put under it and not yet written, with their own subtrees, until no more
     * are found (an import moves and establishes many units before it writes).
     */
    ReportingGraph reportingGraphBelow(UnitId unitId) {
        RegistryWrites working = view();
        StoredLines stored = new StoredLines(jdbc);
        Set<String> reached = new HashSet<>();
        Set<String> roots = Set.of(unitId.value());
        while (!roots.isEmpty()) {
            stored.readBelow(roots);
            reached.addAll(roots);
            reached.addAll(stored.units().keySet());
            roots = new HashSet<>(working.unwrittenChildrenOf(reached));
            roots.removeAll(reached);
        }
        return working.graphOf(reached, stored);
    }

    /** The units that ever reported directly to {@code unitId}, for the question which still do. */
    ReportingGraph reportingGraphOfChildren(UnitId unitId) {
        RegistryWrites working = view();
        StoredLines stored = new StoredLines(jdbc);
        stored.readChildrenOf(unitId.value());
        Set<String> unwritten = working.unwrittenChildrenOf(Set.of(unitId.value()));
        unwritten.removeAll(stored.units().keySet());
        stored.readNamed(unwritten);
        Set<String> chosen = new HashSet<>(stored.units().keySet());
        chosen.addAll(unwritten);
        return working.graphOf(chosen, stored);
    }

    @EventHandler
    void on(UnitEstablished event, @SequenceNumber long changeNumber) {
        String unit = event.unitId().value();
        change(writes -> {
            writes.establish(unit, event.effectiveFrom());
            writes.assertParent(unit, changeNumber, event.effectiveFrom(),
                    event.parentId() == null ? null : event.parentId().value());
            writes.cite(unit, event.authority().instrument().value());
        });
    }

    @EventHandler
    void on(ReportingLineChanged event, @SequenceNumber long changeNumber) {
        change(writes -> {
            writes.assertParent(event.unitId().value(), changeNumber, event.effectiveFrom(),
                    event.parentId() == null ? null : event.parentId().value());
            cite(writes, event);
        });
    }

    @EventHandler
    void on(UnitAbolished event) {
        change(writes -> {
            writes.abolishedOn(event.unitId().value(), event.effectiveFrom());
            cite(writes, event);
        });
    }

    @EventHandler
    void on(ChangeRetracted event) {
        change(writes -> {
            writes.retractParentAssertion(event.unitId().value(), event.changeNumber());
            if (EventNames.shortName(UnitAbolished.class).equals(event.retractedType())) {
                writes.abolishedOn(event.unitId().value(), null);
            }
            cite(writes, event);
        });
    }

    @EventHandler
    void on(UnitEvent event) {
        change(writes -> cite(writes, event));
    }

    private static void cite(RegistryWrites writes, UnitEvent event) {
        writes.cite(event.unitId().value(), event.authority().instrument().value());
    }
}
