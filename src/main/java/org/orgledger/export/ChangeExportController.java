package org.orgledger.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgledger.structure.api.TimelineView;
import org.orgledger.structure.query.ChangeLogReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change history (the timeline's changes) in standard forms: W3C ORG change events with PROV,
 * as JSON-LD or Turtle, or CSV with CSVW metadata. Same selection as {@code /api/timeline}.
 */
@RestController
@RequestMapping("/api/export")
class ChangeExportController {

    private static final List<String> FORMATS = List.of("jsonld", "turtle", "csv");

    private final ChangeLogReader changes;
    private final ObjectMapper json;
    private final Clock clock;
    private final String base;

    ChangeExportController(ChangeLogReader changes, ObjectMapper json, Clock clock,
                           @Value("${orgledger.export.base-iri:urn:orgledger:}") String base) {
        this.changes = changes;
        this.json = json;
        this.clock = clock;
        this.base = base;
    }

    @Operation(summary = "The change history as W3C ORG change events with PROV (JSON-LD, Turtle) or as CSV",
            description = "Every change taking effect from `from` to `to` (inclusive; either may be left out) as the"
                    + " ledger knew it at `knownAt` (default now), by effective date then sequence, like /api/timeline."
                    + " Each change is a prov:Activity that prov:used its instrument; a change of a unit is an"
                    + " org:ChangeEvent, with org:originalOrganization / org:resultingOrganization for establishments,"
                    + " abolitions, mergers, splits and replacements; the ledger's record of it is a prov:Entity"
                    + " attributed to whoever recorded it. The CSV links its CSVW metadata (Link rel=\"describedby\").",
            responses = @ApiResponse(responseCode = "200", description = "The changes", content = {
                    @Content(mediaType = "application/ld+json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/turtle", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    @GetMapping("/changes")
    ResponseEntity<String> changes(@Parameter(description = "First effective date (YYYY-MM-DD)") @RequestParam(required = false) String from,
                                   @Parameter(description = "Last effective date (YYYY-MM-DD)") @RequestParam(required = false) String to,
                                   @Parameter(description = "Read the ledger as it stood at this instant (ISO-8601)") @RequestParam(required = false) String knownAt,
                                   @Parameter(description = "jsonld (default), turtle or csv") @RequestParam(required = false) String format,
                                   HttpServletRequest request) throws JsonProcessingException {
        String chosen = ExportParameters.format(format, FORMATS);
        TimelineView timeline = timeline(from, to, knownAt);
        String name = "changes" + (timeline.from() == null ? "" : "-from-" + timeline.from())
                + (timeline.to() == null ? "" : "-to-" + timeline.to());
        return switch (chosen) {
            case "turtle" -> ExportUrls.inline(StructureExportController.TURTLE, name + ".ttl",
                    TurtleWriter.write(ChangeGraph.of(ChangeTrees.of(json, timeline.changes()), base)));
            case "csv" -> ExportUrls.csv(request, name + ".csv", ChangeCsv.write(ChangeTrees.of(json, timeline.changes())));
            default -> ExportUrls.inline(StructureExportController.JSON_LD, name + ".jsonld", json.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(JsonLdWriter.write(ChangeGraph.of(ChangeTrees.of(json, timeline.changes()), base), json)));
        };
    }

    @Operation(summary = "CSV on the Web (CSVW) metadata of the change-history CSV, for the same query",
            description = "W3C tabular metadata (application/csvm+json) describing the CSV that /api/export/changes"
                    + " answers for the same from, to and knownAt: its url, dialect and table schema.",
            responses = @ApiResponse(responseCode = "200", description = "The metadata",
                    content = @Content(mediaType = CsvwMetadata.MEDIA_TYPE, schema = @Schema(type = "object"))))
    @GetMapping("/changes" + StructureExportController.METADATA)
    ResponseEntity<String> changesCsvMetadata(@RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String knownAt,
                                              @RequestParam(required = false) String format,
                                              HttpServletRequest request) throws JsonProcessingException {
        ExportParameters.format(format == null ? "csv" : format, List.of("csv"));
        TimelineView timeline = timeline(from, to, knownAt);
        String title = "Changes taking effect " + (timeline.from() == null ? "" : "from " + timeline.from() + " ")
                + (timeline.to() == null ? "" : "to " + timeline.to() + " ") + "as the ledger knew them"
                + (knownAt == null ? "" : " at " + timeline.knownAt());
        return ExportUrls.metadata(json, CsvwMetadata.describe(json, ExportUrls.describedTable(request), title,
                ChangeCsv.COLUMNS, "sequence", base + "record/{sequence}"));
    }

    private TimelineView timeline(String from, String to, String knownAt) {
        LocalDate first = ExportParameters.date("from", from);
        LocalDate last = ExportParameters.date("to", to);
        ExportParameters.requireOrdered(first, last);
        Instant known = ExportParameters.instant("knownAt", knownAt, clock.instant());
        return changes.timeline(first, last, known);
    }
}
