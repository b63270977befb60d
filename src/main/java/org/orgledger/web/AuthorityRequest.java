package org.orgledger.web;

import static org.orgledger.web.ValidValue.Kind.INSTRUMENT_SYMBOL;
import static org.orgledger.web.ValidValue.Kind.PROVISION;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.orgledger.instrument.api.Authority;

public record AuthorityRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = ApiSchemas.SYMBOL, maxLength = 100,
                example = "ST/SGB/2002/14")
        @NotNull @ValidValue(INSTRUMENT_SYMBOL) String instrument,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = ApiSchemas.PROVISION, maxLength = 40,
                example = "7.2(b)")
        @NotNull @ValidValue(PROVISION) String provision) {

    public Authority toAuthority() {
        return Authority.of(instrument, provision);
    }
}
