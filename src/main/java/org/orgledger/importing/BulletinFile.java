package org.orgledger.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;

/** A bulletin file as read and checked: see docs/bulletin-format.md. */
record BulletinFile(Instrument instrument, List<Supersession> supersedes, List<Unit> units,
                    List<AssignedFunction> functions, List<Renaming> renamings, List<Move> moves,
                    List<HeadDesignation> heads, List<Vacancy> vacancies, List<Withdrawal> withdrawals,
                    List<Reaffirmation> reaffirmations, List<Abolition> abolitions) {

    /** Where an element stands in the file, for messages about it. */
    record Position(String field, int line, int column) {
        FileProblem problem(String message) {
            return new FileProblem(field, line, column, message);
        }
    }

    /** A text per language with the labels of entries that are not this instrument's official wording. */
    record LabelledText(LocalizedText text, Map<String, TextLabel> labels) {
    }

    record Instrument(String symbol, InstrumentKind kind, LabelledText title, LocalDate issuedOn,
                      LocalDate effectiveFrom, Position position) {
    }

    record Supersession(String symbol, String provision, LocalDate effectiveFrom, Position position) {
    }

    record Head(LabelledText title, HeadLevel level, String provision, Position position) {
    }

    record Function(FunctionId id, String provision, LabelledText text, LocalDate effectiveFrom, Position position) {
    }

    record Unit(UnitId id, UnitKind kind, LabelledText name, UnitId parentId, String provision, LocalDate effectiveFrom,
                Head head, List<Function> functions, Position position, List<AlternateName> alternateNames) {
    }

    /** Another name the instrument gives the unit (docs/bulletin-format.md section 5.4). */
    record AlternateName(LabelledText name, String provision, Position position) {
    }

    record AssignedFunction(UnitId unitId, Function function) {
    }

    record Renaming(UnitId unitId, LabelledText name, String provision, LocalDate effectiveFrom, Position position) {
    }

    /** A unit moved under another parent ({@code parentId} null: to the top). */
    record Move(UnitId unitId, UnitId parentId, String provision, LocalDate effectiveFrom, Position position) {
    }

    /** A head designated for a unit established by any instrument. */
    record HeadDesignation(UnitId unitId, Head head, LocalDate effectiveFrom) {
    }

    /** A unit left without a designated head. */
    record Vacancy(UnitId unitId, String provision, LocalDate effectiveFrom, Position position) {
    }

    record Withdrawal(UnitId unitId, FunctionId functionId, String provision, LocalDate effectiveFrom,
                      Position position) {
    }

    /** The unit ({@code functionId} null) or one of its functions grounded again by this instrument. */
    record Reaffirmation(UnitId unitId, FunctionId functionId, String provision, LocalDate effectiveFrom,
                         Position position) {
    }

    record Abolition(UnitId unitId, ClosureKind closure, List<UnitId> successorIds, String provision,
                     LocalDate effectiveFrom, Position position) {
    }
}
