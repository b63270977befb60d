package org.orgledger.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orgledger.unit.api.AbolishUnit;
import org.orgledger.unit.api.ChangeReportingLine;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.VacateHead;
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
                    assertThat(refused.code().name()).isEqualTo("INVALID_BULLETIN_FILE");
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
                    assertThat(refused.code().name()).isEqualTo("YAML_SYNTAX");
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
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.code().name()).isEqualTo("YAML_LIMIT"));
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
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.code().name()).isEqualTo("NOT_UTF8"));
    }

    @Test
    void tags_are_refused() {
        String tagged = VALID.replace("title: {en: \"A test bulletin\"}", "title: !!java.util.Date {en: x}");
        assertThatThrownBy(() -> BulletinFileParser.parse(tagged.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem.message()).containsIgnoringCase("tag")));
    }

    private static final String EVERY_CHANGE = VALID + """
            moves:
              - unitId: other/section
                parentId: test-entity
                provision: "2"
              - unitId: other/top
                parentId: null
                provision: "2"
                effectiveFrom: "2099-03-01"
            heads:
              - unitId: other/section
                title: {en: "Chief"}
                level: D-1
                provision: "3"
                effectiveFrom: "2099-02-01"
            vacancies:
              - unitId: other/unit
                provision: "4"
            withdrawals:
              - unitId: other/unit
                functionId: old-function
                provision: "5(a)"
            reaffirmations:
              - unitId: other/unit
                provision: "6"
              - unitId: other/unit
                functionId: kept-function
                provision: "6"
            abolitions:
              - unitId: other/unit
                closure: MERGED_INTO
                successorIds: [test-entity]
                provision: "7"
                effectiveFrom: "2099-04-01"
              - unitId: other/gone
                provision: "7"
            """;

    @Test
    void every_section_becomes_its_command_in_the_documented_order_with_its_own_date_and_provision() {
        ImportPlan plan = ImportPlan.of(BulletinFileParser.parse(EVERY_CHANGE.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.steps()).extracting(step -> step.command().getClass().getSimpleName()).containsExactly(
                "PromulgateBulletin", "EstablishUnit", "AssignFunction", "ChangeReportingLine", "ChangeReportingLine",
                "DesignateHead", "VacateHead", "WithdrawFunction", "ReaffirmUnit", "ReaffirmFunction", "AbolishUnit",
                "AbolishUnit");
        ChangeReportingLine toTop = (ChangeReportingLine) plan.steps().get(4).command();
        assertThat(toTop.parentId()).isNull();
        assertThat(toTop.effectiveFrom()).hasToString("2099-03-01");
        DesignateHead head = (DesignateHead) plan.steps().get(5).command();
        assertThat(head.level()).isEqualTo(HeadLevel.of("D-1"));
        assertThat(head.authority().provision()).isEqualTo("3");
        assertThat(head.effectiveFrom()).hasToString("2099-02-01");
        VacateHead vacancy = (VacateHead) plan.steps().get(6).command();
        assertThat(vacancy.effectiveFrom()).as("the instrument's date by default").hasToString("2099-01-02");
        AbolishUnit merged = (AbolishUnit) plan.steps().get(10).command();
        assertThat(merged.closure()).isEqualTo(ClosureKind.MERGED_INTO);
        assertThat(merged.successorIds()).containsExactly(UnitId.of("test-entity"));
        assertThat(merged.authority().instrument().value()).isEqualTo("ST/SGB/2099/1");
        AbolishUnit plain = (AbolishUnit) plan.steps().get(11).command();
        assertThat(plain.closure()).as("the default closure").isEqualTo(ClosureKind.ABOLISHED);
        assertThat(plain.successorIds()).isEmpty();
    }

    @Test
    void a_step_of_a_new_section_knows_its_place_in_the_file() {
        ImportPlan plan = ImportPlan.of(BulletinFileParser.parse(EVERY_CHANGE.getBytes(StandardCharsets.UTF_8)));
        assertThat(plan.steps().get(7).position().field()).isEqualTo("withdrawals[0]");
        int sectionLine = EVERY_CHANGE.lines().toList().indexOf("withdrawals:") + 1;
        assertThat(plan.steps().get(7).position().line()).isEqualTo(sectionLine + 1);
        assertThat(plan.steps().get(7).position().column()).isEqualTo(5);
    }

    @Test
    void problems_in_the_new_sections_are_reported_with_field_and_line() {
        String bad = EVERY_CHANGE
                .replace("    parentId: test-entity\n", "")
                .replace("level: D-1", "level: director")
                .replace("functionId: old-function", "functionId: Old_Function")
                .replace("closure: MERGED_INTO", "closure: DISSOLVED")
                .replace("effectiveFrom: \"2099-04-01\"", "effectiveFrom: \"2098-12-31\"")
                .concat("""
                          - unitId: other/gone
                            provision: "8"
                        """);
        assertThatThrownBy(() -> BulletinFileParser.parse(bad.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(InvalidBulletinFile.class, refused -> {
                    assertThat(refused.problems()).extracting(FileProblem::field).containsExactlyInAnyOrder(
                            "moves[0].parentId", "heads[0].level", "withdrawals[0].functionId", "abolitions[0].closure",
                            "abolitions[0].effectiveFrom", "abolitions[2]");
                    assertThat(refused.problems()).filteredOn(problem -> problem.field().equals("heads[0].level"))
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.line()).isEqualTo(bad.lines().toList().indexOf("    level: director") + 1);
                                assertThat(problem.column()).isEqualTo(12);
                            });
                });
    }

    @Test
    void the_bundled_dataset_still_reads_as_the_same_commands() {
        Map<String, List<String>> expected = Map.of(
                "a-res-32-162.yaml", List.of("PromulgateBulletin", "EstablishUnit"),
                "a-res-56-206.yaml", List.of("PromulgateBulletin", "RenameUnit"));
        expected.forEach((name, commands) -> assertThat(planOf(name).steps())
                .extracting(step -> step.command().getClass().getSimpleName()).as(name).containsExactlyElementsOf(commands));
        assertThat(planOf("st-sgb-1999-22.yaml").steps()).hasSize(1 + 5);
        List<String> commands = planOf("st-sgb-2002-14.yaml").steps().stream()
                .map(step -> step.command().getClass().getSimpleName()).toList();
        assertThat(commands).containsOnly("PromulgateBulletin", "SupersedeBulletin", "EstablishUnit", "DesignateHead",
                "RecordAlternateName", "AssignFunction");
        assertThat(commands).filteredOn("AssignFunction"::equals).hasSize(74);
        // sec. 8's heading also names the Monitoring and Research Division 城市事务秘书处
        assertThat(commands).filteredOn("RecordAlternateName"::equals).hasSize(1);
    }

    private static ImportPlan planOf(String datasetFile) {
        try {
            return ImportPlan.of(BulletinFileParser.parse(new ClassPathResource("dataset/" + datasetFile).getContentAsByteArray()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
