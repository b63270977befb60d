package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.unit.api.UnitKind;

/**
 * A unit as in force on one date; {@code authority} is the ground of its establishment.
 * {@code parentId} (null at the top) and {@code head} (null when not headed) are always written.
 */
public record UnitView(String id, UnitKind kind, LocalizedText name,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String parentId,
                       @JsonInclude(JsonInclude.Include.ALWAYS) HeadView head,
                       Authority authority, List<FunctionView> functions) {
}
