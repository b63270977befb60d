package org.orgledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package boundaries of STYLE.md as tests. Every rule refuses to pass on an empty selection,
 * and every package pattern below must match classes of the code base (a pattern that matches
 * nothing would make its rule check nothing).
 */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.orgledger");

    private static final String[] COMMAND = {"org.orgledger..command.."};
    private static final String[] QUERY = {"org.orgledger..query.."};
    private static final String[] PLATFORM = {"org.orgledger.platform.."};
    /** The domain: what the ledger is about, without its web layer. */
    private static final String[] DOMAIN = {
            "org.orgledger.unit.api..", "org.orgledger.unit.command..",
            "org.orgledger.instrument.api..", "org.orgledger.instrument.command..", "org.orgledger.instrument.query..",
            "org.orgledger.structure.api..", "org.orgledger.structure.query..",
            "org.orgledger.ledger..", "org.orgledger.supersession..", "org.orgledger.importing",
            "org.orgledger.language.."};
    /** The messages: commands, events, queries and views, read by every side. */
    private static final String[] API = {"org.orgledger..api.."};
    private static final String[] WEB = {
            "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..", "org.orgledger..web.."};
    private static final String[] SPRING_AND_JPA = {
            "org.springframework..", "jakarta.persistence..", "org.hibernate.."};

    @Test
    void the_command_side_does_not_use_the_query_side() {
        check(noClasses().that().resideInAnyPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY));
    }

    @Test
    void the_query_side_does_not_use_the_command_side() {
        check(noClasses().that().resideInAnyPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND));
    }

    @Test
    void the_platform_uses_no_domain_package() {
        check(noClasses().that().resideInAnyPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage(DOMAIN));
    }

    @Test
    void the_domain_is_free_of_the_web() {
        check(noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(WEB));
    }

    @Test
    void the_messages_are_free_of_spring_and_jpa() {
        check(noClasses().that().resideInAnyPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(SPRING_AND_JPA));
    }

    static Stream<String> ledgerPatterns() {
        return Stream.of(COMMAND, QUERY, PLATFORM, DOMAIN, API).flatMap(Stream::of);
    }

    @ParameterizedTest
    @MethodSource("ledgerPatterns")
    void every_package_pattern_of_the_rules_matches_classes(String pattern) {
        PackageMatcher matcher = PackageMatcher.of(pattern);
        assertThat(LEDGER.stream().filter(type -> matcher.matches(type.getPackageName())))
                .as("classes in %s", pattern).isNotEmpty();
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(LEDGER);
    }
}
