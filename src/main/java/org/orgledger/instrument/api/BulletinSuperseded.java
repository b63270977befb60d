package org.orgledger.instrument.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record BulletinSuperseded(InstrumentSymbol symbol, InstrumentSymbol supersedingSymbol,
                                 LocalDate effectiveFrom, String provision) {

    public Authority authority() {
        return new Authority(supersedingSymbol, provision);
    }
}
