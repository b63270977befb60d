package org.orgledger.web;

import static org.orgledger.web.ValidValue.Kind.DATE;
import static org.orgledger.web.ValidValue.Kind.TEXT;
import static org.orgledger.web.ValidValue.Kind.FUNCTION_ID;
import static org.orgledger.web.ValidValue.Kind.HEAD_LEVEL;
import static org.orgledger.web.ValidValue.Kind.LOCALIZED_TEXT;
import static org.orgledger.web.ValidValue.Kind.UNIT_ID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.UnitKind;

/** The bodies of the unit commands' POST requests. */
final class UnitRequests {

    private UnitRequests() {
    }

    record Establish(@NotNull @ValidValue(UNIT_ID) String id, @NotNull UnitKind kind,
                     @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> name, @ValidValue(UNIT_ID) String parentId,
                     @NotNull @ValidValue(DATE) LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Rename(@NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> name, @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
                  @NotNull @Valid AuthorityRequest authority) {
    }

    /** {@code parentId} null moves the unit to the top. */
    record ChangeReportingLine(@ValidValue(UNIT_ID) String parentId, @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
                               @NotNull @Valid AuthorityRequest authority) {
    }

    record DesignateHead(@NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> title,
                         @ValidValue(HEAD_LEVEL) String level, @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
                         @NotNull @Valid AuthorityRequest authority) {
    }

    record AssignFunction(@NotNull @ValidValue(FUNCTION_ID) String functionId,
                          @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> text,
                          @NotNull @ValidValue(DATE) LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record FunctionChange(@NotNull @ValidValue(FUNCTION_ID) String functionId, @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
                          @NotNull @Valid AuthorityRequest authority) {
    }

    /** Reaffirm a unit, vacate its head: a date and an authority. */
    record Dated(@NotNull @ValidValue(DATE) LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Abolish(@NotNull ClosureKind closure, @Size(max = 50) List<@ValidValue(UNIT_ID) String> successorIds,
                   @NotNull @ValidValue(DATE) LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Retract(@NotNull Long sequence, @NotBlank @Size(max = 2000) @ValidValue(TEXT) String reason,
                   @NotNull @Valid AuthorityRequest authority) {
    }
}
