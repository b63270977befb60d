package org.orgledger.web;

import static org.orgledger.web.ValidValue.Kind.DATE;
import static org.orgledger.web.ValidValue.Kind.INSTRUMENT_SYMBOL;
import static org.orgledger.web.ValidValue.Kind.LOCALIZED_TEXT;
import static org.orgledger.web.ValidValue.Kind.PROVISION;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Map;
import org.orgledger.instrument.api.InstrumentKind;

final class InstrumentRequests {

    private InstrumentRequests() {
    }

    record Promulgate(@NotNull @ValidValue(INSTRUMENT_SYMBOL) String symbol, @NotNull InstrumentKind kind,
                      @NotNull @ValidValue(LOCALIZED_TEXT) Map<String, String> title, @NotNull @ValidValue(DATE) LocalDate issuedOn, @NotNull @ValidValue(DATE) LocalDate effectiveFrom) {
    }

    /** The instrument in the path is superseded by {@code supersededBy} from {@code effectiveFrom}. */
    record Supersede(@NotNull @ValidValue(INSTRUMENT_SYMBOL) String supersededBy, @NotNull @ValidValue(DATE) LocalDate effectiveFrom,
                     @NotNull @ValidValue(PROVISION) String provision) {
    }
}
