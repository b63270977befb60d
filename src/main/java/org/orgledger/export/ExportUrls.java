package org.orgledger.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Pairs each CSV export with its CSVW metadata: the metadata lives at the CSV's path plus
 * {@code /csv-metadata} with the same query, and its {@code url} is the CSV's URL with that query,
 * so a CSVW processor that follows the CSV's {@code Link} finds metadata that names the very
 * table it asked for (CSVW requires the match), and the columns describe the same rows.
 */
final class ExportUrls {

    private ExportUrls() {
    }

    /** The CSV response's Link header value. */
    static String describedBy(HttpServletRequest csvRequest) {
        String query = csvRequest.getQueryString();
        String metadata = origin() + csvRequest.getRequestURI() + StructureExportController.METADATA
                + (query == null ? "" : "?" + query);
        return "<" + metadata + ">; rel=\"describedby\"; type=\"" + CsvwMetadata.MEDIA_TYPE + "\"";
    }

    /** The URL of the CSV that a metadata request describes: the same query, with format=csv. */
    static String describedTable(HttpServletRequest metadataRequest) {
        String uri = metadataRequest.getRequestURI();
        String table = uri.substring(0, uri.length() - StructureExportController.METADATA.length());
        String query = metadataRequest.getQueryString();
        if (query == null || query.isEmpty()) {
            query = "format=csv";
        } else if (metadataRequest.getParameter("format") == null) {
            query = query + "&format=csv";
        }
        return origin() + table + "?" + query;
    }

    static ResponseEntity<String> metadata(ObjectMapper json, ObjectNode metadata) throws JsonProcessingException {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CsvwMetadata.MEDIA_TYPE))
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsString(metadata));
    }

    /** An export's body, shown inline and saved as {@code filename}. */
    static ResponseEntity<String> inline(MediaType type, String filename, String body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .body(body);
    }

    /** A CSV export, linked to its CSVW metadata. */
    static ResponseEntity<String> csv(HttpServletRequest csvRequest, String filename, String body) {
        return ResponseEntity.ok()
                .contentType(StructureExportController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
                .header(HttpHeaders.LINK, describedBy(csvRequest))
                .body(body);
    }

    private static String origin() {
        return ServletUriComponentsBuilder.fromCurrentRequest().replacePath(null).replaceQuery(null).build().toUriString();
    }
}
