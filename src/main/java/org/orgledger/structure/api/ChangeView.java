package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One recorded change as the timeline and a unit's history answer it: what every change has
 * ({@code sequence}, {@code type}, {@code unitId} or {@code instrument}, {@code effectiveFrom},
 * {@code recordedAt}, {@code recordedBy}, {@code authority}), then the fields of its type
 * ({@code details}, written as members of the change, not as an object of their own), then
 * {@code retracted}, with {@code retractedBy} and {@code retractedAt} when a correction took it
 * back. A detail that is a text per language is a {@link org.orgledger.language.LocalizedText},
 * so the reader's {@code lang} applies to it as to every typed view; the other details are the
 * event's own JSON values. {@code authority} is the stored citation, members in their stored order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sequence", "type", "unitId", "instrument", "effectiveFrom", "recordedAt", "recordedBy",
        "authority", "details", "retracted", "retractedBy", "retractedAt"})
public record ChangeView(long sequence, String type, String unitId, String instrument, LocalDate effectiveFrom,
                         Instant recordedAt, String recordedBy, Map<String, String> authority,
                         @JsonAnyGetter Map<String, Object> details,
                         boolean retracted, Long retractedBy, Instant retractedAt) {

    public ChangeView {
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        authority = authority == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(authority));
    }
}
