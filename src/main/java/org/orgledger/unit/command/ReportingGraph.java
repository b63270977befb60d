package org.orgledger.unit.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every unit's existence and reporting-line timeline, in memory, for the rules that walk the
 * hierarchy across dates. Organizations have hundreds of units, not millions.
 */
final class ReportingGraph {

    private static final long HYPOTHETICAL = Long.MAX_VALUE;

    private final Map<String, LocalDate[]> existence = new HashMap<>();
    private final Map<String, List<ParentAssertion>> assertions = new HashMap<>();

    void addUnit(String unitId, LocalDate establishedOn, LocalDate abolishedOn) {
        existence.put(unitId, new LocalDate[] {establishedOn, abolishedOn});
    }

    void addParentAssertion(String unitId, long changeNumber, LocalDate from, String parentId) {
        List<ParentAssertion> list = assertions.computeIfAbsent(unitId, id -> new ArrayList<>());
        list.add(new ParentAssertion(changeNumber, from, parentId));
        list.sort(Comparator.comparing(ParentAssertion::from).thenComparingLong(ParentAssertion::changeNumber));
    }

    String parentOn(String unitId, LocalDate date) {
        String parent = null;
        for (ParentAssertion assertion : assertions.getOrDefault(unitId, List.of())) {
            if (assertion.from().isAfter(date)) {
                break;
            }
            parent = assertion.parentId();
        }
        return parent;
    }

    /** The date of the unit's next recorded move after {@code date}, or null. */
    LocalDate nextMoveAfter(String unitId, LocalDate date) {
        return assertions.getOrDefault(unitId, List.of()).stream().map(ParentAssertion::from)
                .filter(from -> from.isAfter(date)).findFirst().orElse(null);
    }

    /** How many reporting steps separate the unit from the top on {@code date}. */
    int depthOn(String unitId, LocalDate date) {
        int depth = 0;
        Set<String> seen = new HashSet<>();
        for (String unit = parentOn(unitId, date); unit != null && seen.add(unit); unit = parentOn(unit, date)) {
            depth++;
        }
        return depth;
    }

    /**
     * Would putting {@code unitId} under {@code newParent} from {@code from} make the unit report,
     * on some date from then on, to itself? Checked on every date where any reporting line or
     * existence changes, since only there can the answer change.
     */
    boolean wouldCycle(String unitId, String newParent, LocalDate from) {
        addParentAssertion(unitId, HYPOTHETICAL, from, newParent);
        try {
            for (LocalDate date : breakpointsFrom(from)) {
                if (reportsTo(newParent, unitId, date)) {
                    return true;
                }
            }
            return false;
        } finally {
            assertions.get(unitId).removeIf(assertion -> assertion.changeNumber() == HYPOTHETICAL);
        }
    }

    /** Units that report to {@code unitId} while in force on some date on or after {@code from}. */
    List<String> childrenInForceFrom(String unitId, LocalDate from) {
        List<String> children = new ArrayList<>();
        assertions.forEach((child, list) -> {
            for (int i = 0; i < list.size(); i++) {
                ParentAssertion assertion = list.get(i);
                if (!unitId.equals(assertion.parentId())) {
                    continue;
                }
                LocalDate start = max(assertion.from(), from);
                LocalDate end = i + 1 < list.size() ? list.get(i + 1).from() : null;
                LocalDate[] life = existence.get(child);
                LocalDate overlapStart = max(start, life[0]);
                LocalDate overlapEnd = min(end, life[1]);
                if (overlapEnd == null || overlapStart.isBefore(overlapEnd)) {
                    children.add(child);
                    return;
                }
            }
        });
        children.sort(Comparator.naturalOrder());
        return children;
    }

    private boolean reportsTo(String start, String target, LocalDate date) {
        Set<String> seen = new HashSet<>();
        for (String unit = start; unit != null && seen.add(unit); unit = parentOn(unit, date)) {
            if (unit.equals(target)) {
                return true;
            }
        }
        return false;
    }

    private TreeSet<LocalDate> breakpointsFrom(LocalDate from) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(from);
        assertions.values().forEach(list -> list.forEach(assertion -> dates.add(assertion.from())));
        existence.values().forEach(life -> {
            dates.add(life[0]);
            if (life[1] != null) {
                dates.add(life[1]);
            }
        });
        return new TreeSet<>(dates.tailSet(from, true));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The earlier of two end dates, where null means open-ended. */
    private static LocalDate min(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    private record ParentAssertion(long changeNumber, LocalDate from, String parentId) {
    }
}
