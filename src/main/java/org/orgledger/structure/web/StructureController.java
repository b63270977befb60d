package org.orgledger.structure.web;

import org.orgledger.web.QueryParameters;
import org.orgledger.web.LanguagePreference;
import org.orgledger.web.Preferred;
import org.orgledger.web.ApiSchemas;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.orgledger.structure.api.StructureDiffView;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.StructureDiffer;
import org.orgledger.structure.query.StructureReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/structure")
class StructureController {


    private final StructureReader reader;
    private final StructureDiffer differ;
    private final Clock clock;

    StructureController(StructureReader reader, StructureDiffer differ, Clock clock) {
        this.reader = reader;
        this.differ = differ;
        this.clock = clock;
    }

    @Operation(summary = "Every unit in force on asOf, as known at knownAt; parents before children")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StructureView.class)))
    @GetMapping
    Preferred<StructureView> structure(@Parameter(description = "The valid date, YYYY-MM-DD (1000-01-01 to 9999-12-31)", required = true, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date", pattern = ApiSchemas.DATE)) @RequestParam(required = false) String asOf,
                       @Parameter(description = ApiSchemas.KNOWN_AT, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date-time")) @RequestParam(required = false) String knownAt,
                       @Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang) {
        LocalDate date = QueryParameters.requiredDate("asOf", asOf);
        QueryParameters.Reading reading = QueryParameters.reading(knownAt, lang, clock);
        return LanguagePreference.preferred(reader.structure(date, reading.knownAt()), reading.language());
    }

    @Operation(summary = "What differs between the structure on from and on to (both as known at knownAt)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StructureDiffView.class)))
    @GetMapping("/diff")
    Preferred<StructureDiffView> diff(@Parameter(description = "The earlier date, YYYY-MM-DD", required = true, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date", pattern = ApiSchemas.DATE)) @RequestParam(required = false) String from,
                  @Parameter(description = "The later date, YYYY-MM-DD", required = true, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date", pattern = ApiSchemas.DATE)) @RequestParam(required = false) String to,
                  @Parameter(description = ApiSchemas.KNOWN_AT, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date-time")) @RequestParam(required = false) String knownAt,
                  @Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang) {
        QueryParameters.Period period = QueryParameters.period(from, to, true);
        QueryParameters.Reading reading = QueryParameters.reading(knownAt, lang, clock);
        return LanguagePreference.preferred(differ.diff(period.from(), period.to(), reading.knownAt()),
                reading.language());
    }
}
