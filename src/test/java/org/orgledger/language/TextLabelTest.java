package org.orgledger.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextLabelTest {

    @Test
    void labels_are_kept_in_the_order_of_their_language_tags_whatever_order_they_came_in() {
        // Map.copyOf would iterate these in an order that changes from one JVM to the next
        Map<String, TextLabel> given = new LinkedHashMap<>();
        for (String language : List.of("zh", "ru", "fr", "es", "en", "ar", "de", "ja")) {
            given.put(language, new TextLabel(TextStatus.SUMMARY, "source " + language));
        }
        assertThat(TextLabel.byLanguage(given).keySet()).containsExactly("ar", "de", "en", "es", "fr", "ja", "ru", "zh");
        assertThat(TextLabel.byLanguage(null)).isEmpty();
    }
}
