package org.orgledger.instrument.web;

import org.orgledger.web.ValidValue;
import org.orgledger.web.ApiSchemas;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.orgledger.web.ValidValue.Kind.DATE;
import static org.orgledger.web.ValidValue.Kind.INSTRUMENT_SYMBOL;
import static org.orgledger.web.ValidValue.Kind.LOCALIZED_TEXT;
import static org.orgledger.web.ValidValue.Kind.PROVISION;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.orgledger.instrument.api.InstrumentKind;

final class InstrumentRequests {

    private InstrumentRequests() {
    }

    record Promulgate(
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.SYMBOL, maxLength = 100, example = "ST/SGB/2002/14")
            @NotNull @ValidValue(INSTRUMENT_SYMBOL) String symbol,
            @Schema(requiredMode = REQUIRED) @NotNull InstrumentKind kind,
            @Schema(requiredMode = REQUIRED, description = ApiSchemas.TEXT, minProperties = 1)
            @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> title,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate issuedOn,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom) {
    }

    /** The instrument in the path is superseded by {@code supersededBy} from {@code effectiveFrom}. */
    record Supersede(
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.SYMBOL, maxLength = 100, example = "ST/SGB/2002/14")
            @NotNull @ValidValue(INSTRUMENT_SYMBOL) String supersededBy,
            @Schema(requiredMode = REQUIRED, format = "date", pattern = ApiSchemas.DATE, description = ApiSchemas.DATE_TEXT)
            @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
            @Schema(requiredMode = REQUIRED, pattern = ApiSchemas.PROVISION, maxLength = 40, example = "11.2")
            @NotNull @ValidValue(PROVISION) String provision) {
    }
}
