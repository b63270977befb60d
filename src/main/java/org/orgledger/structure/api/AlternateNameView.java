package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.orgledger.instrument.api.Authority;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

/**
 * Another name an instrument gives a unit (e.g. the bracketed name in a section heading),
 * with the provision that gives it; it does not replace the unit's {@code name}.
 * {@code nameLabels} marks the languages that are summaries or unofficial translations.
 */
public record AlternateNameView(LocalizedText name, Authority authority,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TextLabel> nameLabels) {

    public AlternateNameView {
        nameLabels = TextLabel.byLanguage(nameLabels);
    }
}
