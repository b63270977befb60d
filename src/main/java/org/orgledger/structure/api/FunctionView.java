package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

/** A function in force; {@code textLabels} marks summaries and unofficial translations. */
public record FunctionView(String id, LocalizedText text, Authority authority,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TextLabel> textLabels) {

    public FunctionView {
        textLabels = TextLabel.byLanguage(textLabels);
    }

    public FunctionView(String id, LocalizedText text, Authority authority) {
        this(id, text, authority, Map.of());
    }
}
