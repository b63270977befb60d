package org.orgledger.structure.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.orgledger.structure.api.FunctionView;
import org.orgledger.structure.api.StructureDiffView;
import org.orgledger.structure.api.StructureDiffView.FunctionChange;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.api.UnitView;
import org.springframework.stereotype.Component;

/** Compares the structure on two dates: two as-of queries, then a comparison by unit id. */
@Component
public class StructureDiffer {

    private final StructureReader reader;

    StructureDiffer(StructureReader reader) {
        this.reader = reader;
    }

    public StructureDiffView diff(LocalDate from, LocalDate to, Instant knownAt) {
        return diff(reader.structure(from, knownAt), reader.structure(to, knownAt));
    }

    static StructureDiffView diff(StructureView before, StructureView after) {
        Map<String, UnitView> was = byId(before);
        Map<String, UnitView> is = byId(after);
        List<UnitView> established = new ArrayList<>();
        List<UnitView> abolished = new ArrayList<>();
        List<StructureDiffView.Renamed> renamed = new ArrayList<>();
        List<StructureDiffView.Moved> moved = new ArrayList<>();
        List<StructureDiffView.HeadChanged> heads = new ArrayList<>();
        for (UnitView unit : after.units()) {
            UnitView old = was.get(unit.id());
            if (old == null) {
                established.add(unit);
                continue;
            }
            if (!old.name().equals(unit.name())) {
                renamed.add(new StructureDiffView.Renamed(unit.id(), old.name(), unit.name()));
            }
            if (!Objects.equals(old.parentId(), unit.parentId())) {
                moved.add(new StructureDiffView.Moved(unit.id(), old.parentId(), unit.parentId()));
            }
            if (!Objects.equals(old.head(), unit.head())) {
                heads.add(new StructureDiffView.HeadChanged(unit.id(), old.head(), unit.head()));
            }
        }
        for (UnitView unit : before.units()) {
            if (!is.containsKey(unit.id())) {
                abolished.add(unit);
            }
        }
        return new StructureDiffView(before.asOf(), after.asOf(), after.knownAt(), established, abolished, renamed, moved,
                functionsOnlyIn(after, was), functionsOnlyIn(before, is), heads);
    }

    /** Functions of {@code structure} that the units of {@code other} do not have (by unit and function id). */
    private static List<FunctionChange> functionsOnlyIn(StructureView structure, Map<String, UnitView> other) {
        List<FunctionChange> changes = new ArrayList<>();
        for (UnitView unit : structure.units()) {
            UnitView counterpart = other.get(unit.id());
            for (FunctionView function : unit.functions()) {
                boolean shared = counterpart != null
                        && counterpart.functions().stream().anyMatch(f -> f.id().equals(function.id()));
                if (!shared) {
                    changes.add(new FunctionChange(unit.id(), function));
                }
            }
        }
        return changes;
    }

    private static Map<String, UnitView> byId(StructureView structure) {
        Map<String, UnitView> units = new LinkedHashMap<>();
        structure.units().forEach(unit -> units.put(unit.id(), unit));
        return units;
    }
}
