package org.orgledger.importing;

import java.util.ArrayList;
import java.util.List;
import org.orgledger.importing.BulletinFile.Position;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.unit.api.AssignFunction;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.RecordAlternateName;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.UnitId;

/**
 * The commands a bulletin file stands for, in the documented order (instrument, supersessions,
 * units with their alternate names, heads and functions, other functions, renamings), each with the place in
 * the file it comes from. The importer sends exactly these, through the same command bus as
 * the API: there is no other way into the ledger.
 */
record ImportPlan(String instrument, List<Step> steps) {

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
        return new ImportPlan(instrument.symbol(), steps);
    }

    private static Step assign(UnitId unitId, BulletinFile.Function function, InstrumentSymbol symbol) {
        return new Step(new AssignFunction(unitId, function.id(), function.text().text(), function.text().labels(),
                function.effectiveFrom(), new Authority(symbol, function.provision())), function.position());
    }
}
