package org.orgledger.web;

import static org.orgledger.web.ValidValue.Kind.INSTRUMENT_SYMBOL;
import static org.orgledger.web.ValidValue.Kind.PROVISION;

import jakarta.validation.constraints.NotNull;
import org.orgledger.instrument.api.Authority;

record AuthorityRequest(@NotNull @ValidValue(INSTRUMENT_SYMBOL) String instrument,
                        @NotNull @ValidValue(PROVISION) String provision) {

    Authority toAuthority() {
        return Authority.of(instrument, provision);
    }
}
