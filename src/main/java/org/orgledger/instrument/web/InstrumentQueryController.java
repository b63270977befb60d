package org.orgledger.instrument.web;

import org.orgledger.web.ApiSchemas;
import org.orgledger.ledger.UnknownTarget;
import org.orgledger.web.QueryParameters;
import org.orgledger.web.LanguagePreference;
import org.orgledger.web.Preferred;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.orgledger.instrument.api.InstrumentView;
import org.orgledger.instrument.api.InstrumentsView;
import org.orgledger.instrument.query.InstrumentReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recorded instruments; symbols contain {@code /}, so the symbol is the rest of the path. */
@RestController
class InstrumentQueryController {

    private final InstrumentReader instruments;

    InstrumentQueryController(InstrumentReader instruments) {
        this.instruments = instruments;
    }

    @Operation(summary = "Every recorded instrument, in the order they took effect: {\"instruments\": [...]}")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstrumentsView.class)))
    @GetMapping("/api/instruments")
    Preferred<InstrumentsView> all(@Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang) {
        return LanguagePreference.preferred(new InstrumentsView(instruments.all()), QueryParameters.language(lang));
    }

    @Operation(summary = "One instrument, with supersededBy and supersededOn (null while in force)",
            description = "Path: /api/instruments/{symbol}, e.g. /api/instruments/ST/SGB/2002/14.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstrumentView.class)))
    @GetMapping("/api/instruments/{*symbol}")
    Preferred<InstrumentView> one(@PathVariable String symbol,
                 @Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang) {
        String wanted = symbol.startsWith("/") ? symbol.substring(1) : symbol;
        String language = QueryParameters.language(lang);
        InstrumentView instrument = instruments.find(wanted).orElseThrow(() -> UnknownTarget.instrument(wanted));
        return LanguagePreference.preferred(instrument, language);
    }
}
