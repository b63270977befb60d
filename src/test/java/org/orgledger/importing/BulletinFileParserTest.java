package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class BulletinFileParserTest {

    private static final String VALID = """
            format: orgledger-bulletin/1
            instrument:
              symbol: ST/SGB/2099/1
              kind: BULLETIN
              title: {en: "A test bulletin"}
              issuedOn: "2099-01-01"
              effectiveFrom: 2099-01-02
            units:
              - id: test-entity
                kind: ENTITY
                name:
                  zh: "测试"
                  en: {text: "Test", status: UNOFFICIAL_TRANSLATION}
                provision: "1"
                functions:
                  - id: f-1
                    provision: "1.1(a)"
                    text: {zh: "职能"}
            """;

    @Test
    void a_valid_file_is_read_with_defaults_and_labels() {
        BulletinFile file = BulletinFileParser.parse(VALID.getBytes(StandardCharsets.UTF_8));
        assertThat(file.instrument().symbol()).isEqualTo("ST/SGB/2099/1");
        assertThat(file.instrument().effectiveFrom()).hasToString("2099-01-02");
        BulletinFile.Unit unit = file.units().get(0);
        assertThat(unit.effectiveFrom()).hasToString("2099-01-02");
        assertThat(unit.name().labels()).containsOnlyKeys("en");
        assertThat(unit.functions().get(0).provision()).isEqualTo("1.1(a)");
    }

    @Test
    void every_bundled_dataset_file_is_valid() throws Exception {
        for (String name : UnHabitatDatasetIT.FILES_IN_ORDER) {
            byte[] content = new ClassPathResource("dataset/" + name).getContentAsByteArray();
            assertThat(BulletinFileParser.parse(content).instrument()).as(name).isNotNull();
        }
    }

    @Test
    void a_bad_provision_is_reported_with_its_field_and_line() {
        String bad = VALID.replace("provision: \"1.1(a)\"", "provision: 1.1");
        assertThatThrownBy(() -> BulletinFileParser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> {
                    assertThat(refused.code()).isEqualTo("INVALID_BULLETIN_FILE");
                    assertThat(refused.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("units[0].functions[0].provision");
                        assertThat(problem.line()).isEqualTo(17);
                    });
                });
    }

    @Test
    void every_problem_of_a_file_is_reported_at_once() {
        String bad = VALID.replace("kind: ENTITY", "kind: EMPIRE").replace("id: f-1", "id: F_1")
                .replace("effectiveFrom: 2099-01-02", "effectiveFrom: 2099-02-30").concat("colour: blue\n");
        assertThatThrownBy(() -> BulletinFileParser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.problems())
                        .extracting(FileProblem::field)
                        .contains("units[0].kind", "units[0].functions[0].id", "instrument.effectiveFrom", "colour"));
    }

    @Test
    void a_missing_required_field_is_named() {
        String bad = VALID.replace("  kind: BULLETIN\n", "");
        assertThatThrownBy(() -> BulletinFileParser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.problems())
                        .extracting(FileProblem::field).containsExactly("instrument.kind"));
    }

    @Test
    void a_yaml_syntax_error_is_reported_with_its_position() {
        String bad = "format: orgledger-bulletin/1\ninstrument: [unclosed\n";
        assertThatThrownBy(() -> BulletinFileParser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> {
                    assertThat(refused.code()).isEqualTo("YAML_SYNTAX");
                    assertThat(refused.problems().get(0).line()).isGreaterThan(1);
                });
    }

    @Test
    void an_alias_bomb_is_refused_by_the_parser_limits() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char level = 'b'; level <= 'j'; level++) {
            char previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
        }
        assertThatThrownBy(() -> BulletinFileParser.parse(bomb.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.code()).isEqualTo("YAML_LIMIT"));
    }

    @Test
    void deep_nesting_is_refused() {
        String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThatThrownBy(() -> BulletinFileParser.parse(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidBulletinFile.class);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused() {
        byte[] latin1 = VALID.replace("测试", "Tést").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> BulletinFileParser.parse(latin1))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.code()).isEqualTo("NOT_UTF8"));
    }

    @Test
    void tags_are_refused() {
        String tagged = VALID.replace("title: {en: \"A test bulletin\"}", "title: !!java.util.Date {en: x}");
        assertThatThrownBy(() -> BulletinFileParser.parse(tagged.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem.message()).containsIgnoringCase("tag")));
    }
}
