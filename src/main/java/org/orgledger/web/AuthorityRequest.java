package org.orgledger.web;

import jakarta.validation.constraints.NotNull;
import org.orgledger.instrument.api.Authority;

record AuthorityRequest(@NotNull String instrument, @NotNull String provision) {

    Authority toAuthority() {
        return Authority.of(instrument, provision);
    }
}
