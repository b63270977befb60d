package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A bulletin file meets the same date range and text rule as the API (decision 0007), with the field named. */
class BulletinFileLedgerRulesTest {

    private static final String FILE = """
            format: orgledger-bulletin/1
            instrument:
              symbol: ST/SGB/2099/1
              kind: BULLETIN
              title: {en: "TITLE"}
              issuedOn: "ISSUED"
              effectiveFrom: "2001-01-01"
            units:
              - id: test-entity
                kind: ENTITY
                name: {en: "NAME"}
                provision: "1"
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a date before the year 1000 | ISSUED | 0999-12-31 | instrument.issuedOn",
            "a date after the year 9999 | ISSUED | +10000-01-01 | instrument.issuedOn",
            "a lone surrogate | NAME | \\ud800 | units[0].name",
            "only zero-width characters | NAME | \\u200b\\ufeff | units[0].name",
            "a right-to-left override | TITLE | abc\\u202edef | instrument.title"})
    void what_the_ledger_cannot_keep_is_refused_with_its_field(String what, String placeholder, String value,
                                                                 String field) {
        String file = file(placeholder.equals("TITLE") ? value : "A test bulletin",
                placeholder.equals("ISSUED") ? value : "2001-01-01", placeholder.equals("NAME") ? value : "Test");

        assertThatThrownBy(() -> BulletinFileParser.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.problems())
                        .extracting(FileProblem::field).as(what).contains(field));
    }

    @Test
    void texts_are_read_in_normalization_form_c() {
        String file = file("A test bulletin", "2001-01-01", "Re\\u0301gion");

        BulletinFile parsed = BulletinFileParser.parse(file.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.units().get(0).name().text().values()).containsEntry("en", "R\u00e9gion");
    }

    /** The file with its title, issue date and unit name as written in YAML double quotes (escapes allowed). */
    private static String file(String title, String issuedOn, String name) {
        return FILE.replace("TITLE", title).replace("ISSUED", issuedOn).replace("NAME", name);
    }
}
