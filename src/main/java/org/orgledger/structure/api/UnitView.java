package org.orgledger.structure.api;

import java.util.List;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.unit.api.UnitKind;

/** A unit as in force on one date; {@code authority} is the ground of its establishment. */
public record UnitView(String id, UnitKind kind, LocalizedText name, String parentId, HeadView head,
                       Authority authority, List<FunctionView> functions) {
}
