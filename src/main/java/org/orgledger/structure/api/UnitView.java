package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;
import org.orgledger.unit.api.UnitKind;

/**
 * A unit as in force on one date; {@code authority} is the ground of its establishment.
 * {@code parentId} (null at the top) and {@code head} (null when not headed) are always written;
 * {@code nameLabels} marks the languages whose name is a summary or an unofficial translation;
 * {@code alternateNames} lists the other names its instruments give it (left out when none).
 */
public record UnitView(String id, UnitKind kind, LocalizedText name,
                       @JsonInclude(JsonInclude.Include.ALWAYS) String parentId,
                       @JsonInclude(JsonInclude.Include.ALWAYS) HeadView head,
                       Authority authority, List<FunctionView> functions,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TextLabel> nameLabels,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AlternateNameView> alternateNames) {

    public UnitView {
        nameLabels = TextLabel.byLanguage(nameLabels);
        alternateNames = alternateNames == null ? List.of() : List.copyOf(alternateNames);
    }

    /** Without alternate names. */
    public UnitView(String id, UnitKind kind, LocalizedText name, String parentId, HeadView head, Authority authority,
                    List<FunctionView> functions, Map<String, TextLabel> nameLabels) {
        this(id, kind, name, parentId, head, authority, functions, nameLabels, List.of());
    }

    /** Without labels: every name is the official wording of the cited instrument. */
    public UnitView(String id, UnitKind kind, LocalizedText name, String parentId, HeadView head, Authority authority,
                    List<FunctionView> functions) {
        this(id, kind, name, parentId, head, authority, functions, Map.of(), List.of());
    }
}
