package org.orgledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every rule of the ledger in one place: one sentence, one guard, the README's list in step with it. */
class RuleCatalogueTest {

    private static final List<CatalogueFiles.Source> MAIN_SOURCES = CatalogueFiles.sources(CatalogueFiles.MAIN,
            List.of(Path.of("ledger/Rule.java")));

    @ParameterizedTest
    @EnumSource(Rule.class)
    void each_rule_is_said_in_one_sentence(Rule rule) {
        assertThat(rule.meaning()).as(rule.name()).endsWith(".").doesNotContain(". ").hasSizeGreaterThan(20);
    }

    /**
     * Code, not comments: {@code Rule.X} outside a {@code {@link Rule#X}}. A second use of a rule's
     * code is a second guard, which would drift from the first.
     */
    @ParameterizedTest
    @EnumSource(Rule.class)
    void each_rule_is_checked_by_exactly_one_guard(Rule rule) {
        Pattern use = Pattern.compile("\\bRule\\." + rule.name() + "\\b");
        List<String> uses = MAIN_SOURCES.stream().flatMap(source -> {
            Matcher matcher = use.matcher(source.text());
            Stream.Builder<String> found = Stream.builder();
            while (matcher.find()) {
                found.add(source.file().getFileName().toString());
            }
            return found.build();
        }).toList();
        assertThat(uses).as("the guards of " + rule).hasSize(1);
    }

    @Test
    void the_readme_lists_every_rule_with_its_code_status_and_sentence() {
        assertThat(CatalogueFiles.between(Path.of("README.md"), "rules"))
                .as("README.md between <!-- rules:begin --> and <!-- rules:end -->, written from ledger/Rule.java")
                .isEqualTo(CatalogueFiles.ruleTable());
    }
}
