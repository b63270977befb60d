package org.orgledger.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.orgledger.structure.api.StructureView;
import org.orgledger.structure.query.StructureReader;
import org.orgledger.ledger.LedgerDates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The structure as of a date in standard forms: ORG + PROV as JSON-LD or Turtle, or CSV. */
@RestController
@RequestMapping("/api/export")
class StructureExportController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    static final MediaType TURTLE = MediaType.parseMediaType("text/turtle;charset=UTF-8");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

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
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt)
            throws JsonProcessingException {
        LedgerDates.require("asOf", asOf);
        LedgerDates.require("knownAt", knownAt);
        StructureView structure = reader.structure(asOf, knownAt == null ? clock.instant() : knownAt);
        return switch (format) {
            case "jsonld" -> body(JSON_LD, "jsonld", asOf,
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(JsonLdWriter.write(StructureGraph.of(structure, base), json)));
            case "turtle" -> body(TURTLE, "ttl", asOf, TurtleWriter.write(StructureGraph.of(structure, base)));
            case "csv" -> body(CSV, "csv", asOf, StructureCsv.write(structure));
            default -> throw new IllegalArgumentException("format must be jsonld, turtle or csv, not " + format);
        };
    }

    private static ResponseEntity<String> body(MediaType type, String extension, LocalDate asOf, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"structure-" + asOf + "." + extension + "\"")
                .body(body);
    }
}
