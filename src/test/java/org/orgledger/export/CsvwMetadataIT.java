package org.orgledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Each CSV export links its CSV on the Web metadata (Link rel="describedby"), and the metadata,
 * read through the CSVW context, describes the very CSV: its url, header, datatypes, languages.
 */
class CsvwMetadataIT extends DatasetLedger {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"describedby\";\\s*type=\"application/csvm\\+json\"");


    @Test
    void the_structure_csv_on_the_2002_bulletin_agrees_with_its_metadata() {
        CsvwCheck.Table table = followed("/api/export/structure?asOf=2002-12-01&format=csv");
        assertThat(table.primaryKey()).isEqualTo("id");
        assertThat(table.aboutUrl()).isEqualTo("urn:orgledger:unit/{+id}");
        assertThat(table.columns()).extracting(CsvwCheck.Column::name).startsWith("id", "kind", "parentId", "instrument", "provision")
                .contains("name_en", "name_zh");
        assertThat(table.columns()).filteredOn(column -> "name_zh".equals(column.name()))
                .singleElement().satisfies(column -> {
                    assertThat(column.title()).isEqualTo("name@zh");
                    assertThat(column.lang()).isEqualTo("zh");
                    assertThat(column.datatype()).isEqualTo("http://www.w3.org/2001/XMLSchema#string");
                });
    }

    @Test
    void the_change_csv_agrees_with_its_metadata_and_its_typed_columns() {
        CsvwCheck.Table table = followed("/api/export/changes?from=1977-01-01&to=2002-12-01&format=csv");
        assertThat(table.primaryKey()).isEqualTo("sequence");
        assertThat(table.columns()).extracting(CsvwCheck.Column::datatype).contains(
                "http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#date",
                "http://www.w3.org/2001/XMLSchema#dateTime", "http://www.w3.org/2001/XMLSchema#boolean");
        assertThat(table.columns()).filteredOn(CsvwCheck.Column::required).extracting(CsvwCheck.Column::name)
                .containsExactly("sequence", "type", "effectiveFrom", "recordedAt", "recordedBy", "retracted");
    }

    @Test
    void a_cell_that_breaks_its_column_is_caught_by_the_check() {
        CsvwCheck.Table table = new CsvwCheck.Table("x", List.of(
                new CsvwCheck.Column("sequence", "sequence", "http://www.w3.org/2001/XMLSchema#integer", true, null),
                new CsvwCheck.Column("effectiveFrom", "effectiveFrom", "http://www.w3.org/2001/XMLSchema#date", true, null)),
                "sequence", "urn:x:{sequence}");
        CsvwCheck.agree(table, "sequence,effectiveFrom\r\n1,2002-12-01\r\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvwCheck.agree(table, "sequence,effectiveFrom\r\n1,2002-13-01\r\n"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvwCheck.agree(table, "sequence,effectiveFrom\r\n1,\r\n"))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvwCheck.agree(table, "sequence,date\r\n1,2002-12-01\r\n"))
                .isInstanceOf(AssertionError.class);
    }

    /** Fetches the CSV, follows its Link to the metadata, reads it and checks the two agree; the metadata names the CSV's URL. */
    private CsvwCheck.Table followed(String csvPath) {
        ResponseEntity<String> csv = http.getForEntity(csvPath, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        String link = csv.getHeaders().getFirst(HttpHeaders.LINK);
        assertThat(link).as("Link header").isNotNull();
        Matcher matcher = LINK.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        URI metadataUrl = URI.create(matcher.group(1));
        ResponseEntity<String> metadata = http.getForEntity(metadataUrl, String.class);
        assertThat(metadata.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metadata.getHeaders().getContentType().toString()).startsWith("application/csvm+json");

        CsvwCheck.Table table = CsvwCheck.read(metadata.getBody(), metadataUrl.toString());
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "exports"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "exports",
                    metadataUrl.getPath().replace('/', '_') + ".json"), metadata.getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        URI described = metadataUrl.resolve(table.url());
        assertThat(described.getPath() + "?" + described.getRawQuery()).isEqualTo(csvPath);
        // the table at the metadata's url, fetched again, is the one it describes
        CsvwCheck.agree(table, http.getForObject(described, String.class));
        CsvwCheck.agree(table, csv.getBody());
        return table;
    }
}
