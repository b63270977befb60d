package org.orgledger.unit.web;

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
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.orgledger.structure.api.UnitHistoryView;
import org.orgledger.structure.query.ChangeLogReader;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/units/{id}/history}. Unit ids contain {@code /}, and a path pattern can only
 * capture several segments at its end, so the whole rest of the path is captured and must end
 * in {@code /history}.
 */
@RestController
class UnitHistoryController {

    private static final String HISTORY = "/history";
    private static final Set<String> COMMAND_ACTIONS = Set.of("rename", "reporting-line", "head", "vacate-head",
            "functions", "withdraw-function", "reaffirm", "reaffirm-function", "abolish", "retract");

    private final ChangeLogReader changes;
    private final Clock clock;

    UnitHistoryController(ChangeLogReader changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    @Operation(summary = "Every recorded change of the unit, in recorded order, corrections included",
            description = "Path: /api/units/{id}/history, where the id may contain '/'. Changes as in /api/timeline.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnitHistoryView.class)))
    @GetMapping("/api/units/{*path}")
    Preferred<UnitHistoryView> history(@Parameter(description = "{id}/history") @PathVariable String path,
                     @Parameter(description = ApiSchemas.KNOWN_AT, schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "date-time")) @RequestParam(required = false) String knownAt,
                     @Parameter(description = ApiSchemas.LANG) @RequestParam(required = false) String lang)
            throws HttpRequestMethodNotSupportedException {
        if (path.length() <= 1) {
            // GET /api/units: the collection takes POST (establish) only
            throw new HttpRequestMethodNotSupportedException("GET", List.of("POST"));
        }
        if (COMMAND_ACTIONS.contains(path.substring(1).split("/", 2)[0])) {
            // /api/units/rename/{id} and the other command paths take POST only
            throw new HttpRequestMethodNotSupportedException("GET", List.of("POST"));
        }
        if (!path.endsWith(HISTORY) || path.length() <= HISTORY.length() + 1) {
            throw UnknownTarget.unit(path.isEmpty() ? "(none)" : path.substring(1));
        }
        String unitId = path.substring(1, path.length() - HISTORY.length());
        QueryParameters.Reading reading = QueryParameters.reading(knownAt, lang, clock);
        UnitHistoryView history = changes.history(unitId, reading.knownAt())
                .orElseThrow(() -> UnknownTarget.unit(unitId));
        return LanguagePreference.preferred(history, reading.language());
    }
}
