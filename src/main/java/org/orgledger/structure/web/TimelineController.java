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
import org.orgledger.structure.api.TimelineView;
import org.orgledger.structure.query.ChangeLogReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The replay of a transition: every change that takes effect between two dates, step by step. */
@RestController
class TimelineController {

    private final ChangeLogReader changes;
    private final Clock clock;

    TimelineController(ChangeLogReader changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @Operation(summary = "Every change taking effect from `from` to `to` (inclusive), by effective date, then sequence",
            description = "Each change carries sequence, type, unitId or instrument, effectiveFrom, recordedAt, recordedBy, "
                    + "authority, its type's fields, and retracted (with retractedBy and retractedAt). Retractions "
                    + "(type ChangeRetracted) appear at the retracted change's effective date, with retractedSequence.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TimelineView.class)))
    @GetMapping("/api/timeline")
    Preferred<TimelineView> timeline(@Parameter(description = "First effective date, YYYY-MM-DD; default: unbounded", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date", pattern = ApiSchemas.DATE)) @RequestParam(required = false) String from,
                      @Parameter(description = "Last effective date, YYYY-MM-DD; default: unbounded", schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date", pattern = ApiSchemas.DATE)) @RequestParam(required = false) String to,
                      @Parameter(description = ApiSchemas.KNOWN_AT, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date-time")) @RequestParam(required = false) String knownAt,
                      @Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang) {
        QueryParameters.Period period = QueryParameters.period(from, to, false);
        QueryParameters.Reading reading = QueryParameters.reading(knownAt, lang, clock);
        return LanguagePreference.preferred(changes.timeline(period.from(), period.to(), reading.knownAt()),
                reading.language());
    }
}
