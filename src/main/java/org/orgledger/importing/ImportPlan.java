package org.orgledger.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.orgledger.importing.BulletinFile.Position;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.unit.api.AbolishUnit;
import org.orgledger.unit.api.AssignFunction;
import org.orgledger.unit.api.ChangeReportingLine;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.RecordAlternateName;
import org.orgledger.unit.api.ReaffirmFunction;
import org.orgledger.unit.api.ReaffirmUnit;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.VacateHead;
import org.orgledger.unit.api.WithdrawFunction;

/**
 * The commands a bulletin file stands for, in the documented order (docs/bulletin-format.md,
 * section 9: instrument, supersessions, units with their alternate names, heads and functions, other functions,
 * renamings, moves, heads, vacancies, withdrawals, reaffirmations, abolitions), each with the
 * place in the file it comes from. The importer sends exactly these, through the same command
 * bus as the API: there is no other way into the ledger.
 *
 * <p>The order lets a file refer to what it records itself: a unit it establishes can be moved
 * to, headed or given a successor; a function it assigns can be withdrawn; and abolitions come
 * last, after the moves that take children away from an abolished unit.
 */
record ImportPlan(String instrument, List<Step> steps, Set<UnitId> unitsChecked) {

    record Step(Object command, Position position) {
    }

    static ImportPlan of(BulletinFile file) {
        BulletinFile.Instrument instrument = file.instrument();
        InstrumentSymbol symbol = InstrumentSymbol.of(instrument.symbol());
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(new PromulgateBulletin(symbol, instrument.kind(), instrument.title().text(),
                instrument.title().labels(), instrument.issuedOn(), instrument.effectiveFrom()), instrument.position()));
        for (BulletinFile.Supersession supersession : file.supersedes()) {
            steps.add(new Step(new SupersedeBulletin(InstrumentSymbol.of(supersession.symbol()), symbol,
                    supersession.effectiveFrom(), supersession.provision()), supersession.position()));
        }
        for (BulletinFile.Unit unit : file.units()) {
            steps.add(new Step(new EstablishUnit(unit.id(), unit.kind(), unit.name().text(), unit.name().labels(),
                    unit.parentId(), unit.effectiveFrom(), new Authority(symbol, unit.provision())), unit.position()));
            for (BulletinFile.AlternateName alternate : unit.alternateNames()) {
                steps.add(new Step(new RecordAlternateName(unit.id(), alternate.name().text(), alternate.name().labels(),
                        unit.effectiveFrom(), new Authority(symbol, alternate.provision())), alternate.position()));
            }
            if (unit.head() != null) {
                BulletinFile.Head head = unit.head();
                steps.add(new Step(new DesignateHead(unit.id(), head.title().text(), head.title().labels(), head.level(),
                        unit.effectiveFrom(), new Authority(symbol, head.provision())), head.position()));
            }
            unit.functions().forEach(function -> steps.add(assign(unit.id(), function, symbol)));
        }
        file.functions().forEach(assigned -> steps.add(assign(assigned.unitId(), assigned.function(), symbol)));
        for (BulletinFile.Renaming renaming : file.renamings()) {
            steps.add(new Step(new RenameUnit(renaming.unitId(), renaming.name().text(), renaming.name().labels(),
                    renaming.effectiveFrom(), new Authority(symbol, renaming.provision())), renaming.position()));
        }
        for (BulletinFile.Move move : file.moves()) {
            steps.add(new Step(new ChangeReportingLine(move.unitId(), move.parentId(), move.effectiveFrom(),
                    new Authority(symbol, move.provision())), move.position()));
        }
        for (BulletinFile.HeadDesignation designation : file.heads()) {
            BulletinFile.Head head = designation.head();
            steps.add(new Step(new DesignateHead(designation.unitId(), head.title().text(), head.title().labels(),
                    head.level(), designation.effectiveFrom(), new Authority(symbol, head.provision())), head.position()));
        }
        for (BulletinFile.Vacancy vacancy : file.vacancies()) {
            steps.add(new Step(new VacateHead(vacancy.unitId(), vacancy.effectiveFrom(),
                    new Authority(symbol, vacancy.provision())), vacancy.position()));
        }
        for (BulletinFile.Withdrawal withdrawal : file.withdrawals()) {
            steps.add(new Step(new WithdrawFunction(withdrawal.unitId(), withdrawal.functionId(), withdrawal.effectiveFrom(),
                    new Authority(symbol, withdrawal.provision())), withdrawal.position()));
        }
        file.reaffirmations().forEach(reaffirmation -> steps.add(reaffirm(reaffirmation, symbol)));
        for (BulletinFile.Abolition abolition : file.abolitions()) {
            steps.add(new Step(new AbolishUnit(abolition.unitId(), abolition.closure(), abolition.successorIds(),
                    abolition.effectiveFrom(), new Authority(symbol, abolition.provision())), abolition.position()));
        }
        return new ImportPlan(instrument.symbol(), steps, unitsChecked(file));
    }

    /**
     * The units whose registry entries the file's commands check (new ids, parents, successors):
     * read in one query before the first command rather than one query each.
     */
    private static Set<UnitId> unitsChecked(BulletinFile file) {
        Set<UnitId> units = new HashSet<>();
        file.units().forEach(unit -> {
            units.add(unit.id());
            addIfPresent(units, unit.parentId());
        });
        file.moves().forEach(move -> addIfPresent(units, move.parentId()));
        file.abolitions().forEach(abolition -> units.addAll(abolition.successorIds()));
        return Set.copyOf(units);
    }

    private static void addIfPresent(Set<UnitId> units, UnitId unit) {
        if (unit != null) {
            units.add(unit);
        }
    }

    private static Step reaffirm(BulletinFile.Reaffirmation reaffirmation, InstrumentSymbol symbol) {
        Authority authority = new Authority(symbol, reaffirmation.provision());
        Object command = reaffirmation.functionId() == null
                ? new ReaffirmUnit(reaffirmation.unitId(), reaffirmation.effectiveFrom(), authority)
                : new ReaffirmFunction(reaffirmation.unitId(), reaffirmation.functionId(), reaffirmation.effectiveFrom(),
                        authority);
        return new Step(command, reaffirmation.position());
    }

    private static Step assign(UnitId unitId, BulletinFile.Function function, InstrumentSymbol symbol) {
        return new Step(new AssignFunction(unitId, function.id(), function.text().text(), function.text().labels(),
                function.effectiveFrom(), new Authority(symbol, function.provision())), function.position());
    }
}
