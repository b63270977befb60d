package org.orgledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.orgledger.benchmark.SyntheticHistory.BulletinFileBytes;
import org.orgledger.importing.BulletinFileChecks;

class HistoryGeneratorTest {

    private static final int MAX_BODY = 1024 * 1024;

    @Test
    void the_same_seed_generates_the_same_files_and_another_seed_other_files() {
        SyntheticHistory first = HistoryGenerator.generate(42, 5_000, 2_000);
        SyntheticHistory again = HistoryGenerator.generate(42, 5_000, 2_000);
        SyntheticHistory other = HistoryGenerator.generate(43, 5_000, 2_000);
        assertThat(again.files()).hasSameSizeAs(first.files());
        for (int i = 0; i < first.files().size(); i++) {
            assertThat(again.files().get(i).yaml()).as(first.files().get(i).name()).isEqualTo(first.files().get(i).yaml());
        }
        assertThat(contents(other)).isNotEqualTo(contents(first));
    }

    @Test
    void every_file_is_a_valid_bulletin_under_the_body_limit_and_the_history_has_every_kind_of_change() {
        SyntheticHistory history = HistoryGenerator.generate(7, 20_000, 2_000);
        Set<String> commands = new HashSet<>();
        Set<String> symbols = new HashSet<>();
        int planned = 0;
        for (BulletinFileBytes file : history.files()) {
            assertThat(file.yaml().length).as(file.name()).isLessThan(MAX_BODY);
            List<String> steps = BulletinFileChecks.commandsOf(file.yaml());
            assertThat(steps).as(file.name()).hasSize(file.changes());
            commands.addAll(steps);
            planned += steps.size();
            assertThat(symbols.add(file.name())).as("one instrument per file").isTrue();
        }
        assertThat(planned).isEqualTo(history.changes()).isBetween(18_000, 21_000);
        assertThat(commands).contains("PromulgateBulletin", "SupersedeBulletin", "EstablishUnit", "RenameUnit",
                "ChangeReportingLine", "DesignateHead", "VacateHead", "AssignFunction", "WithdrawFunction", "ReaffirmUnit",
                "ReaffirmFunction", "AbolishUnit");
        assertThat(history.backDatedFiles()).isPositive();
        assertThat(history.years()).isGreaterThanOrEqualTo(20);
        assertThat(history.fixedAnswerUnits()).isBetween(200, 400);
        assertThat(history.largeAnswerUnits()).isGreaterThan(history.fixedAnswerUnits());
        assertThat(history.renames()).isNotEmpty();
    }

    @Test
    void a_larger_history_keeps_the_founding_organization_so_the_fixed_answer_keeps_its_size() {
        assertThat(HistoryGenerator.generate(1, 100_000, 2_000).fixedAnswerUnits())
                .isEqualTo(HistoryGenerator.generate(1, 10_000, 2_000).fixedAnswerUnits());
    }

    @Test
    void another_organization_has_unit_ids_and_symbols_of_its_own() {
        String yaml = new String(HistoryGenerator.generate(1, 2_000, 2_000, 2).files().get(0).yaml(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(yaml).contains("symbol: ORG2/SGB/1950/1", "id: syn2/entity-1").doesNotContain("id: syn/");
    }

    private static List<String> contents(SyntheticHistory history) {
        List<String> contents = new ArrayList<>();
        history.files().forEach(file -> contents.add(new String(file.yaml(), java.nio.charset.StandardCharsets.UTF_8)));
        return contents;
    }
}
