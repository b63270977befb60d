package org.orgledger.instrument.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgledger.language.LocalizedText;

/**
 * An instrument as recorded, with its period in force: from {@code effectiveFrom} until
 * {@code supersededOn} (exclusive), when {@code supersededBy} took its place; both null while
 * it is in force. {@code supersedes} lists the instruments it superseded itself.
 */
public record InstrumentView(String symbol, InstrumentKind kind, LocalizedText title, LocalDate issuedOn,
                             LocalDate effectiveFrom,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String supersededBy,
                             @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate supersededOn,
                             List<String> supersedes, long sequence, Instant recordedAt, String recordedBy) {
}
