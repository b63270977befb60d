package org.orgledger.instrument.api;

import java.time.LocalDate;
import org.orgledger.language.LocalizedText;

public record BulletinPromulgated(InstrumentSymbol symbol, InstrumentKind kind, LocalizedText title,
                                  LocalDate issuedOn, LocalDate effectiveFrom) {
}
