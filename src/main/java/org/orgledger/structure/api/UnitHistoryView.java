package org.orgledger.structure.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Every recorded change of one unit, corrections included, in recorded order; changes as in {@link TimelineView}. */
public record UnitHistoryView(String unitId, List<ObjectNode> changes) {
}
