package org.orgledger.instrument.api;

import java.time.LocalDate;

public record BulletinSuperseded(InstrumentSymbol symbol, InstrumentSymbol supersedingSymbol,
                                 LocalDate effectiveFrom, String provision) {

    public Authority authority() {
        return new Authority(supersedingSymbol, provision);
    }
}
