package org.orgledger.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.StructureReader;
import org.orgledger.ledger.LedgerDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure as of a date in standard forms: ORG + PROV as JSON-LD or Turtle, or CSV; the CSV
 * names its CSV on the Web metadata in a {@code Link: <…>; rel="describedby"} header.
 */
@RestController
@RequestMapping("/api/export")
class StructureExportController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    static final String METADATA = "/csv-metadata";

    private final StructureReader reader;
    private final ObjectMapper json;
    private final Clock clock;
    private final String base;

    StructureExportController(StructureReader reader, ObjectMapper json, Clock clock,
                              @Value("${orgledger.export.base-iri:urn:orgledger:}") String base) {
        this.reader = reader;
        this.json = json;
        this.clock = clock;
        this.base = base;
    }

    @GetMapping("/structure")
    ResponseEntity<String> structure(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(defaultValue = "jsonld") String format,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                                     HttpServletRequest request)
            throws JsonProcessingException {
        LedgerDates.require("asOf", asOf);
        LedgerDates.require("knownAt", knownAt);
        StructureView structure = reader.structure(asOf, knownAt == null ? clock.instant() : knownAt);
        return switch (format) {
            case "jsonld" -> body(JSON_LD, "jsonld", asOf,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(JsonLdWriter.write(StructureGraph.of(structure, base), json)));
            case "turtle" -> body(TURTLE, "ttl", asOf, TurtleWriter.write(StructureGraph.of(structure, base)));
            case "csv" -> ExportUrls.csv(request, "structure-" + asOf + ".csv", StructureCsv.write(structure));
            default -> throw new IllegalArgumentException("format must be jsonld, turtle or csv, not " + format);
        };
    }

    @Operation(summary = "CSV on the Web (CSVW) metadata of the structure CSV, for the same query",
            description = "W3C tabular metadata (application/csvm+json) describing the CSV that"
                    + " /api/export/structure answers for the same asOf and knownAt: its url, dialect and"
                    + " table schema (columns, datatypes, languages, primary key). The structure CSV links"
                    + " here with Link rel=\"describedby\".",
            responses = @ApiResponse(responseCode = "200", description = "The metadata",
                    content = @Content(mediaType = CsvwMetadata.MEDIA_TYPE)))
    @GetMapping("/structure" + METADATA)
    ResponseEntity<String> structureCsvMetadata(@RequestParam(required = false) String asOf,
                                                @RequestParam(required = false) String knownAt,
                                                @RequestParam(required = false) String format,
                                                HttpServletRequest request) throws JsonProcessingException {
        LocalDate date = ExportParameters.requiredDate("asOf", asOf);
        Instant known = ExportParameters.instant("knownAt", knownAt, clock.instant());
        ExportParameters.format(format == null ? "csv" : format, List.of("csv"));
        StructureView structure = reader.structure(date, known);
        String title = "The structure in force on " + date + (knownAt == null ? "" : ", as the ledger knew it at " + known);
        return ExportUrls.metadata(json, CsvwMetadata.describe(json, ExportUrls.describedTable(request), title,
                StructureCsv.columns(structure), "id", base + "unit/{+id}"));
    }

    private static ResponseEntity<String> body(MediaType type, String extension, LocalDate asOf, String body) {
        return ExportUrls.inline(type, "structure-" + asOf + "." + extension, body);
    }
}
