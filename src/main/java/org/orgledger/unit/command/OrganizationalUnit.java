package org.orgledger.unit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.orgledger.ledger.RuleViolation.require;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.orgledger.platform.eventstore.AggregateCache;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.command.InstrumentRegistry;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.events.EventNames;
import org.orgledger.unit.api.AlternateNameRecorded;
import org.orgledger.unit.api.RecordAlternateName;
import org.orgledger.unit.api.AbolishUnit;
import org.orgledger.unit.api.ApplySupersession;
import org.orgledger.unit.api.AssignFunction;
import org.orgledger.unit.api.ChangeReportingLine;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.FunctionReaffirmed;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.ReaffirmFunction;
import org.orgledger.unit.api.ReaffirmUnit;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.RetractChange;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;
import org.orgledger.unit.api.VacateHead;
import org.orgledger.unit.api.WithdrawFunction;

/**
 * One organizational unit or post. Its state is a timeline (changes may be recorded long after
 * they took effect, in any order), and every command is checked against that timeline on the
 * command's own effective date. Checks that span units go through the {@link UnitRegistry}.
 */
@Aggregate(cache = AggregateCache.NAME)
class OrganizationalUnit {

    @AggregateIdentifier
    private UnitId unitId;
    private final UnitTimeline timeline = new UnitTimeline();

    protected OrganizationalUnit() {
        // for Axon's event sourcing
    }

    @CommandHandler
    OrganizationalUnit(EstablishUnit command, UnitRegistry units, InstrumentRegistry instruments) {
        requireNewUnitId(command.unitId(), units);
        instruments.requireInForce(command.authority(), command.effectiveFrom());
        if (command.parentId() != null) {
            requireParentInForce(command.parentId(), command.effectiveFrom(), units);
            requireParentOutlives(command.unitId(), command.parentId(), null, units);
        }
        apply(new UnitEstablished(command.unitId(), command.kind(), command.name(), command.nameLabels(), command.parentId(),
                command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(RenameUnit command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        timeline.nameOn(command.effectiveFrom()).ifPresent(current -> {
            boolean sameTexts = nameOf(current).equals(command.name());
            boolean sameLabels = labelsOf(current).equals(command.nameLabels());
            requireSomeChange(!(sameTexts && sameLabels), unitId + " is already named " + command.name().values()
                    + " on " + command.effectiveFrom() + ": the renaming would change nothing");
            requireMoreThanLabels(!sameTexts, unitId + " is already named " + command.name().values()
                    + " on " + command.effectiveFrom() + "; only the labels differ (" + labelsOf(current)
                    + " recorded, " + command.nameLabels() + " asked), which is not a renaming: retract the change"
                    + " that recorded the wrong label and record it again");
        });
        apply(new UnitRenamed(unitId, command.name(), command.nameLabels(), command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(RecordAlternateName command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireSomeChange(!timeline.hasAlternateName(command.name()),
                unitId + " already has the alternate name " + command.name().values());
        apply(new AlternateNameRecorded(unitId, command.name(), command.nameLabels(), command.effectiveFrom(),
                command.authority()));
    }

    private static LocalizedText nameOf(UnitEvent naming) {
        return naming instanceof UnitEstablished established ? established.name() : ((UnitRenamed) naming).name();
    }

    private static Map<String, TextLabel> labelsOf(UnitEvent naming) {
        return naming instanceof UnitEstablished established ? established.nameLabels()
                : ((UnitRenamed) naming).nameLabels();
    }

    @CommandHandler
    void handle(ChangeReportingLine command, UnitRegistry units, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        UnitId parent = command.parentId();
        if (parent != null) {
            // the unit itself is in force that day, so a move under itself passes to the cycle guard
            requireParentInForce(parent, command.effectiveFrom(), units);
            ReportingGraph graph = units.reportingGraphBelow(unitId);
            requireNoReportingCycle(parent, command.effectiveFrom(), graph);
            requireParentOutlives(unitId, parent, earlier(graph.nextMoveAfter(unitId.value(), command.effectiveFrom()),
                    timeline.abolishedOn()), units);
        }
        apply(new ReportingLineChanged(unitId, parent, command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(DesignateHead command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        apply(new HeadDesignated(unitId, command.title(), command.titleLabels(), command.level(), command.effectiveFrom(),
                command.authority()));
    }

    @CommandHandler
    void handle(VacateHead command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireHeadInForce(command.effectiveFrom());
        apply(new HeadVacated(unitId, command.effectiveFrom(), command.authority(), null));
    }

    @CommandHandler
    void handle(AssignFunction command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireUnusedFunctionId(command.functionId());
        apply(new FunctionAssigned(unitId, command.functionId(), command.text(), command.textLabels(),
                command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(WithdrawFunction command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireFunctionInForce(command.functionId(), command.effectiveFrom());
        apply(new FunctionWithdrawn(unitId, command.functionId(), command.effectiveFrom(), command.authority(), null));
    }

    @CommandHandler
    void handle(ReaffirmFunction command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireFunctionInForce(command.functionId(), command.effectiveFrom());
        apply(new FunctionReaffirmed(unitId, command.functionId(), command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(ReaffirmUnit command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        apply(new UnitReaffirmed(unitId, command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(AbolishUnit command, UnitRegistry units, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        requireEstablishedBefore(command.effectiveFrom(), true);
        requireNoChangesFrom(command.effectiveFrom());
        requireValidSuccessors(command, units);
        requireNoChildrenFrom(command.effectiveFrom(), units);
        apply(new UnitAbolished(unitId, command.closure(), command.successorIds(), command.effectiveFrom(),
                command.authority(), null));
    }

    @CommandHandler
    void handle(RetractChange command, InstrumentRegistry instruments) {
        // the reason is required by RetractChange itself: a command without one cannot be built
        UnitTimeline.RecordedChange change = requireRetractable(command.changeNumber(), command.sequence());
        requireNotYetRetracted(change, command.sequence());
        instruments.requireInForce(command.authority(), change.event().effectiveFrom());
        apply(new ChangeRetracted(unitId, command.sequence(), command.changeNumber(),
                EventNames.shortName(change.event().getClass()), command.reason(), change.event().effectiveFrom(),
                command.authority()));
    }

    /**
     * The instrument {@code supersededInstrument} ceased: end what only it grounded, citing the
     * superseding instrument. Facts already ended, or grounded again, are left alone, so a
     * repeated or replayed supersession changes nothing.
     */
    @CommandHandler
    void handle(ApplySupersession command, UnitRegistry units, InstrumentRegistry instruments) {
        LocalDate day = command.effectiveFrom();
        InstrumentSymbol ceased = command.supersededInstrument();
        if (!timeline.inForceOn(day)) {
            return;
        }
        Lapse lapse = new Lapse(ceased, day, instruments);
        boolean changesFromThatDay = !timeline.changesFrom(day).isEmpty();
        for (FunctionId functionId : timeline.functionsInForceOn(day)) {
            if (lapse.endsFactGroundedBy(timeline.functionGrounds(functionId, day))) {
                apply(new FunctionWithdrawn(unitId, functionId, day, command.authority(), ceased));
            }
        }
        timeline.headOn(day)
                .filter(head -> lapse.endsFactGroundedBy(timeline.headGrounds(head, day)))
                .ifPresent(head -> apply(new HeadVacated(unitId, day, command.authority(), ceased)));
        // a unit with changes of its own from that day on, or units under it, does not lapse
        if (lapse.endsFactGroundedBy(timeline.existenceGrounds(day)) && day.isAfter(timeline.establishedOn())
                && !changesFromThatDay && units.reportingGraphOfChildren(unitId).childrenInForceFrom(unitId.value(), day).isEmpty()) {
            apply(new UnitAbolished(unitId, ClosureKind.ABOLISHED, List.of(), day, command.authority(), ceased));
        }
    }

    @EventSourcingHandler
    void on(UnitEstablished event, @SequenceNumber long changeNumber) {
        unitId = event.unitId();
        timeline.record(changeNumber, event);
    }

    @EventSourcingHandler
    void on(ChangeRetracted event, @SequenceNumber long changeNumber) {
        timeline.record(changeNumber, event);
        timeline.retract(event.changeNumber());
    }

    @EventSourcingHandler
    void on(UnitEvent event, @SequenceNumber long changeNumber) {
        timeline.record(changeNumber, event);
    }

    // The guards: one per rule of the ledger, named after it (see Rule).

    /** No change takes effect before the unit's establishment or on or after its abolition. */
    private void requireActive(LocalDate date, Authority authority, InstrumentRegistry instruments) {
        requireEstablishedBefore(date, false);
        requireNotAbolishedBy(date);
        instruments.requireInForce(authority, date);
    }

    /** {@link Rule#UNIT_ALREADY_EXISTS} */
    private static void requireNewUnitId(UnitId id, UnitRegistry units) {
        require(!units.exists(id), Rule.UNIT_ALREADY_EXISTS, "unit " + id + " already exists");
    }

    /** {@link Rule#PARENT_NOT_IN_FORCE} */
    private static void requireParentInForce(UnitId parent, LocalDate date, UnitRegistry units) {
        require(units.inForceOn(parent, date), Rule.PARENT_NOT_IN_FORCE,
                "parent " + parent + " is not in force on " + date);
    }

    /**
     * {@link Rule#PARENT_ABOLISHED_WHILE_REPORTED_TO}: the parent must stay in force as long as
     * {@code child} reports to it ({@code until} null: open-ended).
     */
    private static void requireParentOutlives(UnitId child, UnitId parent, LocalDate until, UnitRegistry units) {
        units.abolishedOn(parent).ifPresent(parentEnd -> require(until != null && !until.isAfter(parentEnd),
                Rule.PARENT_ABOLISHED_WHILE_REPORTED_TO, "parent " + parent + " is abolished on " + parentEnd
                        + ", while " + child + " would still report to it"));
    }

    /** {@link Rule#REPORTING_CYCLE}: neither to itself nor to a unit that reports to it, on any date from then on. */
    private void requireNoReportingCycle(UnitId parent, LocalDate from, ReportingGraph graph) {
        boolean cycle = parent.equals(unitId) || graph.wouldCycle(unitId.value(), parent.value(), from);
        require(!cycle, Rule.REPORTING_CYCLE, parent.equals(unitId) ? unitId + " cannot report to itself"
                : "moving " + unitId + " under " + parent + " from " + from + " would make it report to itself");
    }

    /** {@link Rule#BEFORE_ESTABLISHMENT}: an abolition ({@code ending}) must also leave the unit at least a day. */
    private void requireEstablishedBefore(LocalDate date, boolean ending) {
        LocalDate established = timeline.establishedOn();
        boolean holds = ending ? date.isAfter(established) : !date.isBefore(established);
        require(holds, Rule.BEFORE_ESTABLISHMENT, ending ? unitId + " cannot be abolished on the day it is established"
                : unitId + " is established on " + established + "; nothing can take effect on " + date);
    }

    /** {@link Rule#UNIT_ABOLISHED} */
    private void requireNotAbolishedBy(LocalDate date) {
        LocalDate abolished = timeline.abolishedOn();
        require(abolished == null || date.isBefore(abolished), Rule.UNIT_ABOLISHED,
                unitId + " is abolished on " + abolished + "; nothing can take effect on " + date);
    }

    /** {@link Rule#NO_CHANGE} */
    private static void requireSomeChange(boolean changes, String detail) {
        require(changes, Rule.NO_CHANGE, detail);
    }

    /** {@link Rule#LABEL_CHANGE_ONLY} */
    private static void requireMoreThanLabels(boolean textsChange, String detail) {
        require(textsChange, Rule.LABEL_CHANGE_ONLY, detail);
    }

    /** {@link Rule#NO_HEAD_IN_FORCE} */
    private void requireHeadInForce(LocalDate date) {
        require(timeline.headOn(date).isPresent(), Rule.NO_HEAD_IN_FORCE, unitId + " has no head on " + date);
    }

    /** {@link Rule#FUNCTION_ID_TAKEN} */
    private void requireUnusedFunctionId(FunctionId functionId) {
        require(!timeline.functionIdTaken(functionId), Rule.FUNCTION_ID_TAKEN,
                "function id " + functionId + " is already used in " + unitId);
    }

    /** {@link Rule#CHANGE_NOT_RETRACTABLE} */
    private UnitTimeline.RecordedChange requireRetractable(long changeNumber, long sequence) {
        Optional<UnitTimeline.RecordedChange> change = timeline.change(changeNumber);
        require(change.isPresent() && change.get().retractable(), Rule.CHANGE_NOT_RETRACTABLE, change.isEmpty()
                ? "change " + sequence + " is not a change of " + unitId
                : "an establishment or a retraction cannot be retracted");
        return change.get();
    }

    /** {@link Rule#CHANGE_ALREADY_RETRACTED} */
    private static void requireNotYetRetracted(UnitTimeline.RecordedChange change, long sequence) {
        require(!change.retracted(), Rule.CHANGE_ALREADY_RETRACTED, "change " + sequence + " is already retracted");
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /**
     * A fact ends with the ceased instrument when that instrument grounds it and no other of
     * its grounds, as recorded by that day, is in force that day.
     */
    private record Lapse(InstrumentSymbol ceased, LocalDate day, InstrumentRegistry instruments) {

        boolean endsFactGroundedBy(Set<InstrumentSymbol> grounds) {
            return grounds.contains(ceased) && grounds.stream()
                    .filter(ground -> !ground.equals(ceased))
                    .noneMatch(ground -> instruments.find(ground).map(inForce -> inForce.covers(day)).orElse(false));
        }
    }

    /** {@link Rule#FUNCTION_NOT_ASSIGNED} */
    private void requireFunctionInForce(FunctionId functionId, LocalDate date) {
        require(timeline.functionInForceOn(functionId, date), Rule.FUNCTION_NOT_ASSIGNED,
                "function " + functionId + " is not assigned to " + unitId + " on " + date);
    }

    /** {@link Rule#INVALID_SUCCESSORS} */
    private void requireValidSuccessors(AbolishUnit command, UnitRegistry units) {
        String problem = successorProblem(command, units);
        require(problem == null, Rule.INVALID_SUCCESSORS, problem);
    }

    /** What is wrong with the abolition's successors, or null. */
    private String successorProblem(AbolishUnit command, UnitRegistry units) {
        List<UnitId> successors = command.successorIds();
        int count = successors.size();
        boolean countFits = switch (command.closure()) {
            case ABOLISHED -> count == 0;
            case MERGED_INTO, REPLACED_BY -> count == 1;
            case SPLIT_INTO -> count >= 2;
        };
        if (!countFits) {
            return command.closure() + " takes " + switch (command.closure()) {
                case ABOLISHED -> "no successor";
                case MERGED_INTO, REPLACED_BY -> "exactly one successor";
                case SPLIT_INTO -> "at least two successors";
            } + ", not " + count;
        }
        if (new HashSet<>(successors).size() != count || successors.contains(unitId)) {
            return "successors must be distinct units other than " + unitId;
        }
        return successors.stream().filter(successor -> !units.inForceOn(successor, command.effectiveFrom())).findFirst()
                .map(successor -> "successor " + successor + " is not in force on " + command.effectiveFrom())
                .orElse(null);
    }

    /** {@link Rule#CHANGES_AFTER_ABOLITION}: a back-dated abolition would leave later changes taking effect after its end. */
    private void requireNoChangesFrom(LocalDate date) {
        List<String> later = timeline.changesFrom(date).stream()
                .map(event -> EventNames.shortName(event.getClass()) + " on " + event.effectiveFrom()).toList();
        require(later.isEmpty(), Rule.CHANGES_AFTER_ABOLITION, unitId + " has changes taking effect on or after " + date
                + " (" + String.join(", ", later) + "); retract them before abolishing it from then");
    }

    /** {@link Rule#UNIT_HAS_CHILDREN_IN_FORCE} */
    private void requireNoChildrenFrom(LocalDate date, UnitRegistry units) {
        List<String> children = units.reportingGraphOfChildren(unitId).childrenInForceFrom(unitId.value(), date);
        require(children.isEmpty(), Rule.UNIT_HAS_CHILDREN_IN_FORCE,
                unitId + " has units reporting to it on or after " + date + ": " + String.join(", ", children));
    }
}
