package org.orgledger.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.ChangeLogReader;
import org.orgledger.structure.query.StructureReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The structure as of a date in Popolo JSON, with names dated from the change history. */
@RestController
@RequestMapping("/api/export")
class PopoloExportController {

    private final StructureReader structures;
    private final ChangeLogReader changes;
    private final ObjectMapper json;
    private final Clock clock;
    private final String base;

    PopoloExportController(StructureReader structures, ChangeLogReader changes, ObjectMapper json, Clock clock,
                           @Value("${orgledger.export.base-iri:urn:orgledger:}") String base) {
        this.structures = structures;
        this.changes = changes;
        this.json = json;
        this.clock = clock;
        this.base = base;
    }

    @Operation(summary = "The structure as of a date in Popolo JSON (organizations, posts, dated names)",
            description = "Every unit in force on asOf as the ledger knew it at knownAt: units as Popolo organizations"
                    + " (posts, and each unit's head, as Popolo posts), with founding dates, the name in the preferred"
                    + " language (lang, default en) and other_names for its other languages, its former names"
                    + " (start_date, end_date) and the other names its instruments give it, each with lang.",
            responses = @ApiResponse(responseCode = "200", description = "{meta, organizations, posts}",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @GetMapping("/popolo")
    ResponseEntity<String> popolo(@Parameter(description = "The date (YYYY-MM-DD)", required = true) @RequestParam(required = false) String asOf,
                                  @Parameter(description = "Read the ledger as it stood at this instant (ISO-8601)") @RequestParam(required = false) String knownAt,
                                  @Parameter(description = "Preferred language of name and label (default en)") @RequestParam(required = false) String lang)
            throws JsonProcessingException {
        LocalDate date = ExportParameters.requiredDate("asOf", asOf);
        Instant known = ExportParameters.instant("knownAt", knownAt, clock.instant());
        String language = ExportParameters.language(lang, "en");
        StructureView structure = structures.structure(date, known);
        String body = json.writerWithDefaultPrettyPrinter().writeValueAsString(
                PopoloExport.write(json, base, language, structure, ChangeTrees.of(json, changes.timeline(null, date, known).changes())));
        return ExportUrls.inline(MediaType.APPLICATION_JSON, "popolo-" + date + ".json", body);
    }
}
