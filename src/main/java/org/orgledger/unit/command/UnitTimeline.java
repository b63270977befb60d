package org.orgledger.unit.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.language.LocalizedText;
import org.orgledger.unit.api.AlternateNameRecorded;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.FunctionReaffirmed;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;

/**
 * A unit's recorded changes, and what they mean on any date. Changes may arrive in any order
 * of effective date, and a retraction takes one out; so every answer is a fold over the
 * changes that still count, never a field overwritten by the latest event.
 */
final class UnitTimeline {

    private final Map<Long, RecordedChange> changes = new LinkedHashMap<>();

    void record(long changeNumber, UnitEvent event) {
        changes.put(changeNumber, new RecordedChange(changeNumber, event));
    }

    void retract(long changeNumber) {
        RecordedChange change = changes.get(changeNumber);
        if (change != null) {
            change.retracted = true;
        }
    }

    Optional<RecordedChange> change(long changeNumber) {
        return Optional.ofNullable(changes.get(changeNumber));
    }

    LocalDate establishedOn() {
        return counting(UnitEstablished.class).findFirst().map(UnitEstablished::effectiveFrom).orElseThrow();
    }

    /** The earliest abolition that still counts, or null. */
    LocalDate abolishedOn() {
        return counting(UnitAbolished.class).map(UnitAbolished::effectiveFrom).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The changes that still count and take effect on or after {@code date} (retractions are not changes of the unit). */
    List<UnitEvent> changesFrom(LocalDate date) {
        return inEffectiveOrder().stream().map(RecordedChange::event)
                .filter(event -> !(event instanceof ChangeRetracted) && !event.effectiveFrom().isBefore(date))
                .toList();
    }

    boolean inForceOn(LocalDate date) {
        LocalDate abolished = abolishedOn();
        return !date.isBefore(establishedOn()) && (abolished == null || date.isBefore(abolished));
    }

    /** Instruments that ground the unit's existence on {@code day}: its establishment and reaffirmations by then. */
    Set<InstrumentSymbol> existenceGrounds(LocalDate day) {
        Set<InstrumentSymbol> grounds = new HashSet<>();
        counting(UnitEstablished.class).forEach(event -> grounds.add(event.authority().instrument()));
        counting(UnitReaffirmed.class).filter(event -> !event.effectiveFrom().isAfter(day))
                .forEach(event -> grounds.add(event.authority().instrument()));
        return grounds;
    }

    /** Every function id ever assigned and not retracted: ids are never reused within a unit. */
    boolean functionIdTaken(FunctionId functionId) {
        return counting(FunctionAssigned.class).anyMatch(event -> event.functionId().equals(functionId));
    }

    boolean functionInForceOn(FunctionId functionId, LocalDate date) {
        Optional<FunctionAssigned> assigned = counting(FunctionAssigned.class)
                .filter(event -> event.functionId().equals(functionId)).findFirst();
        if (assigned.isEmpty() || assigned.get().effectiveFrom().isAfter(date)) {
            return false;
        }
        return counting(FunctionWithdrawn.class)
                .noneMatch(event -> event.functionId().equals(functionId) && !event.effectiveFrom().isAfter(date));
    }

    List<FunctionId> functionsInForceOn(LocalDate date) {
        return counting(FunctionAssigned.class).map(FunctionAssigned::functionId)
                .filter(id -> functionInForceOn(id, date)).toList();
    }

    /** Instruments that ground the function on {@code day}: its assignment and reaffirmations by then. */
    Set<InstrumentSymbol> functionGrounds(FunctionId functionId, LocalDate day) {
        Set<InstrumentSymbol> grounds = new HashSet<>();
        counting(FunctionAssigned.class).filter(event -> event.functionId().equals(functionId))
                .forEach(event -> grounds.add(event.authority().instrument()));
        counting(FunctionReaffirmed.class)
                .filter(event -> event.functionId().equals(functionId) && !event.effectiveFrom().isAfter(day))
                .forEach(event -> grounds.add(event.authority().instrument()));
        return grounds;
    }

    /** The name in force on {@code date} (its establishment's or the latest renaming's by then), with its labels. */
    Optional<UnitEvent> nameOn(LocalDate date) {
        UnitEvent latest = null;
        for (RecordedChange change : inEffectiveOrder()) {
            boolean naming = change.event instanceof UnitEstablished || change.event instanceof UnitRenamed;
            if (naming && !change.event.effectiveFrom().isAfter(date)) {
                latest = change.event;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Whether this text (in every language) is already recorded as an alternate name of the unit. */
    boolean hasAlternateName(LocalizedText name) {
        return counting(AlternateNameRecorded.class).anyMatch(event -> event.name().equals(name));
    }

    /** The designation in force on {@code date}, if the unit is headed then. */
    Optional<HeadDesignated> headOn(LocalDate date) {
        UnitEvent latest = null;
        for (RecordedChange change : inEffectiveOrder()) {
            boolean headChange = change.event instanceof HeadDesignated || change.event instanceof HeadVacated;
            if (headChange && !change.event.effectiveFrom().isAfter(date)) {
                latest = change.event;
            }
        }
        return latest instanceof HeadDesignated designation ? Optional.of(designation) : Optional.empty();
    }

    /** A head is grounded on {@code day} by its designation and by reaffirmations of the unit since it, by then. */
    Set<InstrumentSymbol> headGrounds(HeadDesignated designation, LocalDate day) {
        Set<InstrumentSymbol> grounds = new HashSet<>();
        grounds.add(designation.authority().instrument());
        counting(UnitReaffirmed.class).filter(event -> !event.effectiveFrom().isBefore(designation.effectiveFrom())
                        && !event.effectiveFrom().isAfter(day))
                .forEach(event -> grounds.add(event.authority().instrument()));
        return grounds;
    }

    private List<RecordedChange> inEffectiveOrder() {
        List<RecordedChange> ordered = new ArrayList<>();
        changes.values().stream().filter(change -> !change.retracted).forEach(ordered::add);
        ordered.sort(Comparator.comparing((RecordedChange change) -> change.event.effectiveFrom())
                .thenComparingLong(change -> change.changeNumber));
        return ordered;
    }

    private <T extends UnitEvent> java.util.stream.Stream<T> counting(Class<T> type) {
        return changes.values().stream()
                .filter(change -> !change.retracted && type.isInstance(change.event))
                .map(change -> type.cast(change.event));
    }

    /** One recorded change of the unit and whether a later correction retracted it. */
    static final class RecordedChange {
        private final long changeNumber;
        private final UnitEvent event;
        private boolean retracted;

        RecordedChange(long changeNumber, UnitEvent event) {
            this.changeNumber = changeNumber;
            this.event = event;
        }

        UnitEvent event() {
            return event;
        }

        boolean retracted() {
            return retracted;
        }

        boolean retractable() {
            return !(event instanceof UnitEstablished) && !(event instanceof ChangeRetracted);
        }

        // value equality: Axon's test fixture compares the state built while handling a command
        // with the state rebuilt from the events, field by field
        @Override
        public boolean equals(Object other) {
            return other instanceof RecordedChange that && changeNumber == that.changeNumber
                    && retracted == that.retracted && event.equals(that.event);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(changeNumber, event, retracted);
        }
    }
}
