package org.orgledger.structure.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgledger.language.LocalizedText;

/**
 * What differs between the structure on {@code from} and on {@code to}, both as known at
 * {@code knownAt}: units in force on {@code to} only ({@code established}, as on {@code to}) or on
 * {@code from} only ({@code abolished}, as on {@code from}); for units in force on both dates, a
 * changed name, parent or head; and every function assigned on one date and not the other.
 */
public record StructureDiffView(LocalDate from, LocalDate to, Instant knownAt,
                                List<UnitView> established, List<UnitView> abolished,
                                List<Renamed> renamed, List<Moved> moved,
                                List<FunctionChange> functionsAssigned, List<FunctionChange> functionsWithdrawn,
                                List<HeadChanged> headsChanged) {

    public record Renamed(String id, LocalizedText before, LocalizedText after) {
    }

    public record Moved(String id,
                        @JsonInclude(JsonInclude.Include.ALWAYS) String beforeParentId,
                        @JsonInclude(JsonInclude.Include.ALWAYS) String afterParentId) {
    }

    public record FunctionChange(String unitId, FunctionView function) {
    }

    public record HeadChanged(String id,
                              @JsonInclude(JsonInclude.Include.ALWAYS) HeadView before,
                              @JsonInclude(JsonInclude.Include.ALWAYS) HeadView after) {
    }
}
