package org.orgledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One catalogue of every code the API answers. A code in it that nothing produces, or that no
 * test asserts, fails here; so does a code given twice. That no failure goes without a code is
 * asserted where failures are made (web/ErrorCodesIT: every answer's code is in the catalogue).
 */
class ErrorCatalogueTest {

    private static final List<CatalogueFiles.Source> MAIN_SOURCES = CatalogueFiles.sources(CatalogueFiles.MAIN,
            List.of(Path.of("ledger/Rule.java"), Path.of("ledger/ProblemCode.java")));
    private static final List<CatalogueFiles.Source> TEST_SOURCES = CatalogueFiles.sources(CatalogueFiles.TEST,
            List.of(Path.of("ledger/ErrorCatalogueTest.java"), Path.of("ledger/RuleCatalogueTest.java"),
                    Path.of("ledger/CatalogueFiles.java")));

    static List<ErrorCode> codes() {
        return ErrorCatalogue.all();
    }

    @Test
    void no_code_is_given_twice() {
        Set<String> names = new HashSet<>();
        assertThat(codes()).allSatisfy(code -> assertThat(names.add(code.name())).as(code.name()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("codes")
    void each_code_is_produced_somewhere(ErrorCode code) {
        Pattern use = Pattern.compile("\\b(Rule|ProblemCode|Code)\\." + code.name() + "\\b");
        assertThat(MAIN_SOURCES.stream().anyMatch(source -> use.matcher(source.text()).find()))
                .as(code.name() + " is used outside the catalogue").isTrue();
    }

    @ParameterizedTest
    @MethodSource("codes")
    void each_code_is_asserted_by_a_test(ErrorCode code) {
        Pattern asserted = Pattern.compile("\"" + code.name() + "\"|\\b(Rule|ProblemCode)\\." + code.name() + "\\b");
        assertThat(TEST_SOURCES.stream().anyMatch(source -> asserted.matcher(source.text()).find()))
                .as(code.name() + " is asserted by a test").isTrue();
    }

    @ParameterizedTest
    @MethodSource("codes")
    void each_code_has_a_failure_status_and_a_meaning(ErrorCode code) {
        assertThat(code.httpStatus()).as(code.name()).isBetween(400, 599);
        assertThat(code.meaning()).as(code.name()).endsWith(".");
    }

    @Test
    void docs_errors_md_is_the_catalogue() {
        assertThat(CatalogueFiles.between(Path.of("docs/errors.md"), "errors"))
                .as("docs/errors.md between <!-- errors:begin --> and <!-- errors:end -->, written from the catalogue")
                .isEqualTo(CatalogueFiles.errorTable());
    }
}
