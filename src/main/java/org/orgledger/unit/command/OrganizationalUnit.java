package org.orgledger.unit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.orgledger.ledger.RuleViolation.require;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        require(!units.exists(command.unitId()), Rule.UNIT_ALREADY_EXISTS, "unit " + command.unitId() + " already exists");
        instruments.requireInForce(command.authority(), command.effectiveFrom());
        if (command.parentId() != null) {
            require(units.inForceOn(command.parentId(), command.effectiveFrom()), Rule.PARENT_NOT_IN_FORCE,
                    "parent " + command.parentId() + " is not in force on " + command.effectiveFrom());
            requireParentOutlives(command.parentId(), null, units);
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
            require(!(sameTexts && sameLabels), Rule.NO_CHANGE, unitId + " is already named " + command.name().values()
                    + " on " + command.effectiveFrom() + ": the renaming would change nothing");
            require(!sameTexts, Rule.LABEL_CHANGE_ONLY, unitId + " is already named " + command.name().values()
                    + " on " + command.effectiveFrom() + "; only the labels differ (" + labelsOf(current)
                    + " recorded, " + command.nameLabels() + " asked), which is not a renaming: retract the change"
                    + " that recorded the wrong label and record it again");
        });
        apply(new UnitRenamed(unitId, command.name(), command.nameLabels(), command.effectiveFrom(), command.authority()));
    }

    @CommandHandler
    void handle(RecordAlternateName command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        require(!timeline.hasAlternateName(command.name()), Rule.NO_CHANGE,
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
            require(!parent.equals(unitId), Rule.REPORTING_CYCLE, unitId + " cannot report to itself");
            require(units.inForceOn(parent, command.effectiveFrom()), Rule.PARENT_NOT_IN_FORCE,
                    "parent " + parent + " is not in force on " + command.effectiveFrom());
            ReportingGraph graph = units.reportingGraphBelow(unitId);
            require(!graph.wouldCycle(unitId.value(), parent.value(), command.effectiveFrom()),
                    Rule.REPORTING_CYCLE, "moving " + unitId + " under " + parent + " from " + command.effectiveFrom()
                            + " would make it report to itself");
            requireParentOutlives(parent, earlier(graph.nextMoveAfter(unitId.value(), command.effectiveFrom()),
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
        require(timeline.headOn(command.effectiveFrom()).isPresent(), Rule.NO_HEAD_IN_FORCE,
                unitId + " has no head on " + command.effectiveFrom());
        apply(new HeadVacated(unitId, command.effectiveFrom(), command.authority(), null));
    }

    @CommandHandler
    void handle(AssignFunction command, InstrumentRegistry instruments) {
        requireActive(command.effectiveFrom(), command.authority(), instruments);
        require(!timeline.functionIdTaken(command.functionId()), Rule.FUNCTION_ID_TAKEN,
                "function id " + command.functionId() + " is already used in " + unitId);
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
        require(command.effectiveFrom().isAfter(timeline.establishedOn()), Rule.BEFORE_ESTABLISHMENT,
                unitId + " cannot be abolished on the day it is established");
        requireNoChangesFrom(command.effectiveFrom());
        requireValidSuccessors(command, units);
        requireNoChildrenFrom(command.effectiveFrom(), units);
        apply(new UnitAbolished(unitId, command.closure(), command.successorIds(), command.effectiveFrom(),
                command.authority(), null));
    }

    @CommandHandler
    void handle(RetractChange command, InstrumentRegistry instruments) {
        UnitTimeline.RecordedChange change = timeline.change(command.changeNumber())
                .orElseThrow(() -> new org.orgledger.ledger.RuleViolation(Rule.CHANGE_NOT_RETRACTABLE,
                        "change " + command.sequence() + " is not a change of " + unitId));
        require(change.retractable(), Rule.CHANGE_NOT_RETRACTABLE,
                "an establishment or a retraction cannot be retracted");
        require(!change.retracted(), Rule.CHANGE_NOT_RETRACTABLE, "change " + command.sequence() + " is already retracted");
        require(command.reason() != null && !command.reason().isBlank(), Rule.CHANGE_NOT_RETRACTABLE,
                "a retraction needs a reason");
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

    /** No change takes effect before the unit's establishment or on or after its abolition. */
    private void requireActive(LocalDate date, Authority authority, InstrumentRegistry instruments) {
        require(!date.isBefore(timeline.establishedOn()), Rule.BEFORE_ESTABLISHMENT,
                unitId + " is established on " + timeline.establishedOn() + "; nothing can take effect on " + date);
        LocalDate abolished = timeline.abolishedOn();
        require(abolished == null || date.isBefore(abolished), Rule.UNIT_ABOLISHED,
                unitId + " is abolished on " + abolished + "; nothing can take effect on " + date);
        instruments.requireInForce(authority, date);
    }

    /** A parent must stay in force as long as the unit reports to it ({@code until} null: open-ended). */
    private void requireParentOutlives(UnitId parent, LocalDate until, UnitRegistry units) {
        units.abolishedOn(parent).ifPresent(parentEnd -> require(until != null && !until.isAfter(parentEnd),
                Rule.PARENT_NOT_IN_FORCE, "parent " + parent + " is abolished on " + parentEnd
                        + ", while " + unitId + " would still report to it"));
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

    private void requireFunctionInForce(FunctionId functionId, LocalDate date) {
        require(timeline.functionInForceOn(functionId, date), Rule.FUNCTION_NOT_ASSIGNED,
                "function " + functionId + " is not assigned to " + unitId + " on " + date);
    }

    private void requireValidSuccessors(AbolishUnit command, UnitRegistry units) {
        List<UnitId> successors = command.successorIds();
        int count = successors.size();
        boolean countFits = switch (command.closure()) {
            case ABOLISHED -> count == 0;
            case MERGED_INTO, REPLACED_BY -> count == 1;
            case SPLIT_INTO -> count >= 2;
        };
        require(countFits, Rule.INVALID_SUCCESSORS, command.closure() + " takes "
                + switch (command.closure()) {
                    case ABOLISHED -> "no successor";
                    case MERGED_INTO, REPLACED_BY -> "exactly one successor";
                    case SPLIT_INTO -> "at least two successors";
                } + ", not " + count);
        require(new HashSet<>(successors).size() == count && !successors.contains(unitId), Rule.INVALID_SUCCESSORS,
                "successors must be distinct units other than " + unitId);
        for (UnitId successor : successors) {
            require(units.inForceOn(successor, command.effectiveFrom()), Rule.INVALID_SUCCESSORS,
                    "successor " + successor + " is not in force on " + command.effectiveFrom());
        }
    }

    /** A back-dated abolition would leave the unit's later changes taking effect after its end. */
    private void requireNoChangesFrom(LocalDate date) {
        List<String> later = timeline.changesFrom(date).stream()
                .map(event -> EventNames.shortName(event.getClass()) + " on " + event.effectiveFrom()).toList();
        require(later.isEmpty(), Rule.CHANGES_AFTER_ABOLITION, unitId + " has changes taking effect on or after " + date
                + " (" + String.join(", ", later) + "); retract them before abolishing it from then");
    }

    private void requireNoChildrenFrom(LocalDate date, UnitRegistry units) {
        List<String> children = units.reportingGraphOfChildren(unitId).childrenInForceFrom(unitId.value(), date);
        require(children.isEmpty(), Rule.UNIT_HAS_CHILDREN_IN_FORCE,
                unitId + " has units reporting to it on or after " + date + ": " + String.join(", ", children));
    }
}
