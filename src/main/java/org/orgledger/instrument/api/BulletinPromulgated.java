package org.orgledger.instrument.api;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.orgledger.language.LocalizedText;
import org.orgledger.language.TextLabel;

@Revision("1")
public record BulletinPromulgated(InstrumentSymbol symbol, InstrumentKind kind, LocalizedText title, Map<String, TextLabel> titleLabels,
                                  LocalDate issuedOn, LocalDate effectiveFrom) {

    public BulletinPromulgated {
        titleLabels = TextLabel.byLanguage(titleLabels);
    }

    /** Without labels: every text is the official wording of the cited instrument. */
    public BulletinPromulgated(InstrumentSymbol symbol, InstrumentKind kind, LocalizedText title, LocalDate issuedOn, LocalDate effectiveFrom) {
        this(symbol, kind, title, Map.of(), issuedOn, effectiveFrom);
    }
}
