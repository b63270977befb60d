package org.orgledger.unit.web;

import org.orgledger.web.ValidValue;
import org.orgledger.web.AuthorityRequest;
import org.orgledger.web.ApiSchemas;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.orgledger.web.ValidValue.Kind.DATE;
import static org.orgledger.web.ValidValue.Kind.FUNCTION_ID;
import static org.orgledger.web.ValidValue.Kind.HEAD_LEVEL;
import static org.orgledger.web.ValidValue.Kind.LOCALIZED_TEXT;
import static org.orgledger.web.ValidValue.Kind.TEXT;
import static org.orgledger.web.ValidValue.Kind.UNIT_ID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.UnitKind;

/**
 * The bodies of the unit commands' POST requests. The {@code @Schema} annotations publish the
 * rules the {@code @ValidValue} checks enforce, so the OpenAPI description tells the truth.
 */
final class UnitRequests {

    private UnitRequests() {
    }

    record Establish(
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.UNIT_ID, maxLength = 200,
                    example = "un-habitat/programme-support-division")
            @NotNull @ValidValue(UNIT_ID) String id,
            @Schema(requiredMode = REQUIRED) @NotNull UnitKind kind,
            @Schema(requiredMode = REQUIRED, description = ApiSchemas.TEXT, minProperties = 1)
            @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> name,
            @Schema(nullable = true, pattern = ApiSchemas.UNIT_ID, maxLength = 200, example = "un-habitat")
            @ValidValue(UNIT_ID) String parentId,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record Rename(
            @Schema(requiredMode = REQUIRED, description = ApiSchemas.TEXT, minProperties = 1)
            @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> name,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    /** {@code parentId} null moves the unit to the top. */
    record ChangeReportingLine(
            @Schema(nullable = true, pattern = ApiSchemas.UNIT_ID, maxLength = 200, example = "un-habitat")
            @ValidValue(UNIT_ID) String parentId,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record DesignateHead(
            @Schema(requiredMode = REQUIRED, description = ApiSchemas.TEXT, minProperties = 1)
            @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> title,
            @Schema(nullable = true, pattern = ApiSchemas.LEVEL, example = "D-2")
            @ValidValue(HEAD_LEVEL) String level,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record AssignFunction(
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.FUNCTION_ID, maxLength = 100, example = "sgb-2002-14-7-2-b")
            @NotNull @ValidValue(FUNCTION_ID) String functionId,
            @Schema(requiredMode = REQUIRED, description = ApiSchemas.TEXT, minProperties = 1)
            @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> text,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record FunctionChange(
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.FUNCTION_ID, maxLength = 100, example = "sgb-2002-14-7-2-b")
            @NotNull @ValidValue(FUNCTION_ID) String functionId,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    /** Reaffirm a unit, vacate its head: a date and an authority. */
    record Dated(
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record Abolish(
            @Schema(requiredMode = REQUIRED) @NotNull ClosureKind closure,
            @ArraySchema(maxItems = 50, schema = @Schema(pattern = ApiSchemas.UNIT_ID, maxLength = 200))
            @Size(max = 50) List<@ValidValue(UNIT_ID) String> successorIds,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }

    record Retract(
            @Schema(requiredMode = REQUIRED, minimum = "1", description = "the global sequence of the change to retract")
            @NotNull Long sequence,
            @Schema(requiredMode = REQUIRED, maxLength = 2000, description = "well-formed Unicode with a visible character")
            @NotBlank @Size(max = 2000) @ValidValue(TEXT) String reason,
            @Schema(requiredMode = REQUIRED) @NotNull @Valid AuthorityRequest authority) {
    }
}
