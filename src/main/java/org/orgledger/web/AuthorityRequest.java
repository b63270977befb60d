package org.orgledger.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.orgledger.instrument.api.Authority;

record AuthorityRequest(@NotNull @Size(max = 100) String instrument, @NotNull @Size(max = 40) String provision) {

    Authority toAuthority() {
        return Authority.of(instrument, provision);
    }
}
