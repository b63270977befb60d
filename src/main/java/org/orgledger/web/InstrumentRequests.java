package org.orgledger.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.orgledger.instrument.api.InstrumentKind;

final class InstrumentRequests {

    private InstrumentRequests() {
    }

    record Promulgate(@NotNull @Size(max = 100) String symbol, @NotNull InstrumentKind kind,
                      @NotNull Map<String, String> title, @NotNull LocalDate issuedOn, @NotNull LocalDate effectiveFrom) {
    }

    /** The instrument in the path is superseded by {@code supersededBy} from {@code effectiveFrom}. */
    record Supersede(@NotNull @Size(max = 100) String supersededBy, @NotNull LocalDate effectiveFrom,
                     @NotNull @Size(max = 40) String provision) {
    }
}
