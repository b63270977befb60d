package org.orgledger.structure.api;

import java.util.List;

/** Every recorded change of one unit, corrections included, in recorded order; changes as in {@link TimelineView}. */
public record UnitHistoryView(String unitId, List<ChangeView> changes) {
}
