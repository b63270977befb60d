package org.orgledger.instrument.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

/**
 * An instrument as recorded, with its period in force: from {@code effectiveFrom} until
 * {@code supersededOn} (exclusive), when {@code supersededBy} took its place; both null while
 * it is in force. {@code supersedes} lists the instruments it superseded itself. {@code titleLabels}
 * marks the languages of the title that are a summary or an unofficial translation, or the
 * wording of another document (its {@code source}); left out when every language is the
 * instrument's own official wording.
 */
public record InstrumentView(String symbol, InstrumentKind kind, LocalizedText title, LocalDate issuedOn,
                             LocalDate effectiveFrom,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String supersededBy,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate supersededOn,
                             List<String> supersedes, long sequence, Instant recordedAt, String recordedBy,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, TextLabel> titleLabels) {

    public InstrumentView {
        titleLabels = TextLabel.byLanguage(titleLabels);
    }
}
