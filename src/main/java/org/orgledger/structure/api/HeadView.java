package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

/**
 * Who heads a unit: the title per language and, where the instrument says it, the level (e.g.
 * ASG); {@code titleLabels} marks titles that are unofficial translations.
 */
public record HeadView(LocalizedText title, String level,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TextLabel> titleLabels) {

    public HeadView {
        titleLabels = TextLabel.byLanguage(titleLabels);
    }

    public HeadView(LocalizedText title, String level) {
        this(title, level, Map.of());
    }
}
