package org.orgledger.web;

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

    record Establish(@NotNull String id, @NotNull UnitKind kind, @NotNull Map<String, String> name, String parentId,
                     @NotNull LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Rename(@NotNull Map<String, String> name, @NotNull LocalDate effectiveFrom,
                  @NotNull @Valid AuthorityRequest authority) {
    }

    /** {@code parentId} null moves the unit to the top. */
    record ChangeReportingLine(String parentId, @NotNull LocalDate effectiveFrom,
                               @NotNull @Valid AuthorityRequest authority) {
    }

    record DesignateHead(@NotNull Map<String, String> title, String level, @NotNull LocalDate effectiveFrom,
                         @NotNull @Valid AuthorityRequest authority) {
    }

    record AssignFunction(@NotNull String functionId, @NotNull Map<String, String> text,
                          @NotNull LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record FunctionChange(@NotNull String functionId, @NotNull LocalDate effectiveFrom,
                          @NotNull @Valid AuthorityRequest authority) {
    }

    /** Reaffirm a unit, vacate its head: a date and an authority. */
    record Dated(@NotNull LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Abolish(@NotNull ClosureKind closure, @Size(max = 50) List<String> successorIds,
                   @NotNull LocalDate effectiveFrom, @NotNull @Valid AuthorityRequest authority) {
    }

    record Retract(@NotNull Long sequence, @NotBlank @Size(max = 2000) String reason,
                   @NotNull @Valid AuthorityRequest authority) {
    }
}
