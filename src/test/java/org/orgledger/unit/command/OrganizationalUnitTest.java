package org.orgledger.unit.command;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.orgledger.ledger.RuleViolations.violationOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.orgledger.instrument.api.Authority;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.command.KnownInstruments;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.RuleViolation;
import org.orgledger.language.TextLabel;
import org.orgledger.language.TextStatus;
import org.orgledger.unit.api.AbolishUnit;
import org.orgledger.unit.api.AlternateNameRecorded;
import org.orgledger.unit.api.RecordAlternateName;
import org.orgledger.unit.api.ApplySupersession;
import org.orgledger.unit.api.AssignFunction;
import org.orgledger.unit.api.ChangeReportingLine;
import org.orgledger.unit.api.ChangeRetracted;
import org.orgledger.unit.api.ClosureKind;
import org.orgledger.unit.api.DesignateHead;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.FunctionAssigned;
import org.orgledger.unit.api.FunctionId;
import org.orgledger.unit.api.FunctionReaffirmed;
import org.orgledger.unit.api.FunctionWithdrawn;
import org.orgledger.unit.api.HeadDesignated;
import org.orgledger.unit.api.HeadLevel;
import org.orgledger.unit.api.HeadVacated;
import org.orgledger.unit.api.ReaffirmFunction;
import org.orgledger.unit.api.ReaffirmUnit;
import org.orgledger.unit.api.RenameUnit;
import org.orgledger.unit.api.ReportingLineChanged;
import org.orgledger.unit.api.RetractChange;
import org.orgledger.unit.api.UnitAbolished;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitEvent;
import org.orgledger.unit.api.UnitId;
import org.orgledger.unit.api.UnitKind;
import org.orgledger.unit.api.UnitReaffirmed;
import org.orgledger.unit.api.UnitRenamed;
import org.orgledger.unit.api.VacateHead;
import org.orgledger.unit.api.WithdrawFunction;

/**
 * The specification of a unit's changes: each command accepted with its exact event, and
 * refused, recording nothing, with the code of the rule it would break. Most scenarios are
 * about the Monitoring and Research Division, established in 2000 under ST/SGB/1999/22.
 */
class OrganizationalUnitTest {

    private static final UnitId CENTRE = UnitId.of("un-habitat");
    private static final UnitId DIVISION = UnitId.of("un-habitat/monitoring-and-research-division");
    private static final UnitId SECTION = UnitId.of("un-habitat/monitoring-and-research-division/statistics-section");
    private static final UnitId OFFICE = UnitId.of("un-habitat/regional-office");
    private static final UnitId BRANCH_A = UnitId.of("un-habitat/urban-observatory-branch");
    private static final UnitId BRANCH_B = UnitId.of("un-habitat/best-practices-branch");
    private static final UnitId BRANCH_C = UnitId.of("un-habitat/urban-indicators-branch");

    private static final Authority RES_32_162 = Authority.of("A/RES/32/162", "1");
    private static final Authority SGB_1999 = Authority.of("ST/SGB/1999/22", "7.1");
    private static final Authority SGB_2002 = Authority.of("ST/SGB/2002/14", "7.2(b)");
    private static final Authority UNRECORDED = Authority.of("ST/SGB/2099/1", "1");
    private static final InstrumentSymbol CEASED = SGB_1999.instrument();
    private static final Authority SUPERSEDING = Authority.of("ST/SGB/2002/14", "9.1");

    private static final LocalDate ADOPTED = on("1977-12-19");
    private static final LocalDate ESTABLISHED = on("2000-01-01");
    private static final LocalDate SUPERSEDED = on("2002-07-01");

    private static final LocalizedText NAME = LocalizedText.of("en", "Monitoring and Research Division");
    private static final LocalizedText NEW_NAME = LocalizedText.of("en", "Global Urban Observatory Division");
    private static final LocalizedText DIRECTOR = LocalizedText.of("en", "Director");
    private static final FunctionId INDICATORS = FunctionId.of("urban-indicators");
    private static final FunctionId BEST_PRACTICES = FunctionId.of("best-practices");
    private static final LocalizedText FUNCTION_TEXT = LocalizedText.of("en", "Maintains the urban indicators");

    private final UnitRegistry units = mock(UnitRegistry.class);
    private final ReportingGraph graph = new ReportingGraph();
    private FixtureConfiguration<OrganizationalUnit> fixture;

    @BeforeEach
    void setUp() {
        when(units.reportingGraph()).thenReturn(graph);
        // the registry answers subsets of the whole graph; the rules must hold on the whole one too
        when(units.reportingGraphBelow(any())).thenReturn(graph);
        when(units.reportingGraphOfChildren(any())).thenReturn(graph);
        registered(CENTRE, ADOPTED, null, null);
        registered(DIVISION, ESTABLISHED, null, CENTRE);
        registered(OFFICE, ESTABLISHED, null, CENTRE);
        fixture = new AggregateTestFixture<>(OrganizationalUnit.class);
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(new KnownInstruments()
                .inForce(RES_32_162, ADOPTED)
                .inForce(SGB_1999, on("1999-07-01"))
                .inForce(SGB_2002, on("2002-05-15"))
                .registry());
    }

    @Nested
    class Establishing {

        private final UnitId newUnit = UnitId.of("un-habitat/monitoring-and-research-division/new-section");

        @Test
        void establishing_a_unit_records_it_with_its_authority_and_effective_date() {
            LocalizedText name = LocalizedText.of("en", "United Nations Centre for Human Settlements (Habitat)");
            UnitId habitat = UnitId.of("habitat");
            fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(habitat, UnitKind.ENTITY, name, null, ADOPTED, RES_32_162))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UnitEstablished(habitat, UnitKind.ENTITY, name, null, ADOPTED, RES_32_162));
        }

        @Test
        void establishing_a_unit_under_a_parent_in_force_records_its_reporting_line() {
            fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, DIVISION, on("2003-01-01"), SGB_2002))
                    .expectEvents(new UnitEstablished(newUnit, UnitKind.SECTION, NAME, DIVISION, on("2003-01-01"), SGB_2002));
        }

        @Test
        void establishing_a_unit_under_a_parent_whose_later_abolition_is_recorded_is_rejected() {
            registered(BRANCH_C, ESTABLISHED, on("2005-01-01"), CENTRE);
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, BRANCH_C, on("2003-01-01"), SGB_2002)),
                    Rule.PARENT_ABOLISHED_WHILE_REPORTED_TO);
        }

        @Test
        void establishing_a_unit_that_already_exists_is_rejected() {
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(DIVISION, UnitKind.DIVISION, NAME, CENTRE, on("2003-01-01"), SGB_2002)),
                    Rule.UNIT_ALREADY_EXISTS);
        }

        @Test
        void establishing_a_unit_under_a_parent_not_yet_established_is_rejected() {
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, DIVISION, on("1999-12-31"), SGB_1999)),
                    Rule.PARENT_NOT_IN_FORCE);
        }

        @Test
        void establishing_a_unit_under_an_abolished_parent_is_rejected() {
            registered(BRANCH_A, ESTABLISHED, on("2002-01-01"), CENTRE);
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, BRANCH_A, on("2002-01-01"), SGB_1999)),
                    Rule.PARENT_NOT_IN_FORCE);
        }

        @Test
        void establishing_a_unit_on_an_unrecorded_instrument_is_rejected() {
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, DIVISION, on("2003-01-01"), UNRECORDED)),
                    Rule.UNKNOWN_INSTRUMENT);
        }

        @Test
        void establishing_a_unit_before_its_instrument_takes_effect_is_rejected() {
            rejected(fixture.givenNoPriorActivity()
                    .when(new EstablishUnit(newUnit, UnitKind.SECTION, NAME, DIVISION, on("2002-05-14"), SGB_2002)),
                    Rule.INSTRUMENT_NOT_IN_FORCE);
        }
    }

    /** Rules every change of an established unit obeys, whatever the change. */
    @Nested
    class EveryChange {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.orgledger.unit.command.OrganizationalUnitTest#changes")
        void a_change_cannot_take_effect_before_the_unit_is_established(ChangeOn change) {
            rejected(fixture.given(established()).when(change.on(on("1999-12-31"), SGB_1999)),
                    Rule.BEFORE_ESTABLISHMENT);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.orgledger.unit.command.OrganizationalUnitTest#changes")
        void a_change_cannot_take_effect_on_the_day_the_unit_is_abolished(ChangeOn change) {
            rejected(fixture.given(established(), abolished(on("2003-01-01")))
                    .when(change.on(on("2003-01-01"), SGB_2002)), Rule.UNIT_ABOLISHED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.orgledger.unit.command.OrganizationalUnitTest#changes")
        void a_change_after_the_unit_is_abolished_is_rejected(ChangeOn change) {
            rejected(fixture.given(established(), abolished(on("2003-01-01")))
                    .when(change.on(on("2004-06-30"), SGB_2002)), Rule.UNIT_ABOLISHED);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.orgledger.unit.command.OrganizationalUnitTest#changes")
        void a_change_citing_an_unrecorded_instrument_is_rejected(ChangeOn change) {
            rejected(fixture.given(established()).when(change.on(on("2003-01-01"), UNRECORDED)),
                    Rule.UNKNOWN_INSTRUMENT);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.orgledger.unit.command.OrganizationalUnitTest#changes")
        void a_change_citing_an_instrument_not_yet_in_force_is_rejected(ChangeOn change) {
            rejected(fixture.given(established()).when(change.on(on("2002-05-14"), SGB_2002)),
                    Rule.INSTRUMENT_NOT_IN_FORCE);
        }
    }

    @Nested
    class Renaming {

        @Test
        void renaming_a_unit_records_its_new_name() {
            fixture.given(established())
                    .when(new RenameUnit(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002))
                    .expectEvents(new UnitRenamed(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002));
        }

        @Test
        void a_rename_back_dated_before_a_later_rename_is_accepted() {
            LocalizedText interim = LocalizedText.of("en", "Urban Indicators Division");
            fixture.given(established(), new UnitRenamed(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002))
                    .when(new RenameUnit(DIVISION, interim, on("2003-01-01"), SGB_2002))
                    .expectEvents(new UnitRenamed(DIVISION, interim, on("2003-01-01"), SGB_2002));
        }

        @Test
        void a_rename_on_the_day_of_establishment_is_accepted() {
            fixture.given(established())
                    .when(new RenameUnit(DIVISION, NEW_NAME, ESTABLISHED, SGB_1999))
                    .expectEvents(new UnitRenamed(DIVISION, NEW_NAME, ESTABLISHED, SGB_1999));
        }

        @Test
        void a_rename_to_the_name_in_force_is_rejected_as_no_change() {
            rejected(fixture.given(established()).when(new RenameUnit(DIVISION, NAME, on("2003-01-01"), SGB_2002)),
                    Rule.NO_CHANGE);
        }

        @Test
        void a_rename_to_the_name_in_force_after_a_renaming_is_rejected_as_no_change() {
            rejected(fixture.given(established(), new UnitRenamed(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002))
                    .when(new RenameUnit(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002)), Rule.NO_CHANGE);
        }

        @Test
        void a_rename_back_to_an_earlier_name_is_accepted() {
            fixture.given(established(), new UnitRenamed(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002))
                    .when(new RenameUnit(DIVISION, NAME, on("2004-01-01"), SGB_2002))
                    .expectEvents(new UnitRenamed(DIVISION, NAME, on("2004-01-01"), SGB_2002));
        }

        @Test
        void a_rename_that_only_drops_the_label_of_an_unofficial_translation_is_rejected_as_a_label_change() {
            Map<String, TextLabel> unofficial = Map.of("en", new TextLabel(TextStatus.UNOFFICIAL_TRANSLATION, null));
            rejected(fixture.given(new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, unofficial, CENTRE,
                            ESTABLISHED, SGB_1999))
                    .when(new RenameUnit(DIVISION, NAME, on("2003-01-01"), SGB_2002)), Rule.LABEL_CHANGE_ONLY);
        }

        @Test
        void a_rename_that_adds_a_language_is_accepted() {
            LocalizedText bilingual = LocalizedText.of(Map.of("en", NAME.values().get("en"), "zh", "监测和研究司"));
            fixture.given(established())
                    .when(new RenameUnit(DIVISION, bilingual, on("2003-01-01"), SGB_2002))
                    .expectEvents(new UnitRenamed(DIVISION, bilingual, on("2003-01-01"), SGB_2002));
        }
    }

    @Nested
    class RecordingAnAlternateName {

        private final LocalizedText urbanSecretariat = LocalizedText.of("zh", "城市事务秘书处");

        @Test
        void recording_an_alternate_name_records_it_with_its_provision() {
            Authority heading = Authority.of("ST/SGB/2002/14", "8");
            fixture.given(established())
                    .when(new RecordAlternateName(DIVISION, urbanSecretariat, Map.of(), on("2003-01-01"), heading))
                    .expectEvents(new AlternateNameRecorded(DIVISION, urbanSecretariat, Map.of(), on("2003-01-01"),
                            heading));
        }

        @Test
        void recording_the_same_alternate_name_twice_is_rejected_as_no_change() {
            rejected(fixture.given(established(),
                            new AlternateNameRecorded(DIVISION, urbanSecretariat, Map.of(), on("2003-01-01"), SGB_2002))
                    .when(new RecordAlternateName(DIVISION, urbanSecretariat, Map.of(), on("2004-01-01"), SGB_2002)),
                    Rule.NO_CHANGE);
        }

        @Test
        void an_alternate_name_cannot_take_effect_before_the_unit_is_established() {
            rejected(fixture.given(established())
                    .when(new RecordAlternateName(DIVISION, urbanSecretariat, Map.of(), on("1999-12-31"), SGB_1999)),
                    Rule.BEFORE_ESTABLISHMENT);
        }
    }

    @Nested
    class ChangingTheReportingLine {

        @Test
        void moving_a_unit_under_another_parent_records_the_new_reporting_line() {
            fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, OFFICE, on("2003-01-01"), SGB_2002))
                    .expectEvents(new ReportingLineChanged(DIVISION, OFFICE, on("2003-01-01"), SGB_2002));
        }

        @Test
        void moving_a_unit_to_the_top_records_no_parent() {
            fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, null, on("2003-01-01"), SGB_2002))
                    .expectEvents(new ReportingLineChanged(DIVISION, null, on("2003-01-01"), SGB_2002));
        }

        @Test
        void a_unit_cannot_report_to_itself() {
            // the cycle check would also refuse this, with the same code; the message is what says why
            rejected(fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, DIVISION, on("2003-01-01"), SGB_2002))
                    .expectExceptionMessage(containsString("cannot report to itself")),
                    Rule.REPORTING_CYCLE);
        }

        @Test
        void moving_a_unit_under_a_parent_not_in_force_that_day_is_rejected() {
            registered(BRANCH_A, on("2004-01-01"), null, CENTRE);
            rejected(fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, BRANCH_A, on("2003-01-01"), SGB_2002)),
                    Rule.PARENT_NOT_IN_FORCE);
        }

        @Test
        void moving_a_unit_under_a_parent_whose_abolition_is_recorded_for_later_is_rejected() {
            registered(BRANCH_A, ESTABLISHED, on("2005-01-01"), CENTRE);
            rejected(fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, BRANCH_A, on("2003-01-01"), SGB_2002)),
                    Rule.PARENT_ABOLISHED_WHILE_REPORTED_TO);
        }

        @Test
        void moving_a_unit_under_a_parent_it_leaves_before_the_parent_is_abolished_is_accepted() {
            registered(BRANCH_A, ESTABLISHED, on("2005-01-01"), CENTRE);
            graph.addParentAssertion(DIVISION.value(), 9, on("2004-01-01"), CENTRE.value());
            fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, BRANCH_A, on("2003-01-01"), SGB_2002))
                    .expectEvents(new ReportingLineChanged(DIVISION, BRANCH_A, on("2003-01-01"), SGB_2002));
        }

        @Test
        void moving_a_unit_under_its_own_child_is_rejected() {
            registered(SECTION, ESTABLISHED, null, DIVISION);
            rejected(fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, SECTION, on("2003-01-01"), SGB_2002)),
                    Rule.REPORTING_CYCLE);
        }

        @Test
        void moving_a_unit_under_a_unit_that_will_report_to_it_later_is_rejected() {
            graph.addParentAssertion(OFFICE.value(), 1, on("2005-01-01"), DIVISION.value());
            rejected(fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, OFFICE, on("2003-01-01"), SGB_2002)),
                    Rule.REPORTING_CYCLE);
        }

        @Test
        void moving_a_unit_under_a_former_child_that_has_moved_away_is_accepted() {
            registered(SECTION, ESTABLISHED, null, DIVISION);
            graph.addParentAssertion(SECTION.value(), 1, on("2002-01-01"), OFFICE.value());
            fixture.given(established())
                    .when(new ChangeReportingLine(DIVISION, SECTION, on("2003-01-01"), SGB_2002))
                    .expectEvents(new ReportingLineChanged(DIVISION, SECTION, on("2003-01-01"), SGB_2002));
        }
    }

    @Nested
    class Heads {

        @Test
        void designating_a_head_records_its_title_and_level() {
            fixture.given(established())
                    .when(new DesignateHead(DIVISION, DIRECTOR, HeadLevel.of("D-2"), on("2003-01-01"), SGB_2002))
                    .expectEvents(new HeadDesignated(DIVISION, DIRECTOR, HeadLevel.of("D-2"), on("2003-01-01"), SGB_2002));
        }

        @Test
        void designating_a_head_of_unknown_level_is_accepted() {
            fixture.given(established())
                    .when(new DesignateHead(DIVISION, DIRECTOR, null, on("2003-01-01"), SGB_2002))
                    .expectEvents(new HeadDesignated(DIVISION, DIRECTOR, null, on("2003-01-01"), SGB_2002));
        }

        @Test
        void vacating_the_head_records_the_vacancy() {
            fixture.given(established(), headDesignated(on("2001-01-01"), SGB_1999))
                    .when(new VacateHead(DIVISION, on("2003-01-01"), SGB_2002))
                    .expectEvents(new HeadVacated(DIVISION, on("2003-01-01"), SGB_2002, null));
        }

        @Test
        void vacating_the_head_of_a_unit_never_headed_is_rejected() {
            rejected(fixture.given(established()).when(new VacateHead(DIVISION, on("2003-01-01"), SGB_2002)),
                    Rule.NO_HEAD_IN_FORCE);
        }

        @Test
        void vacating_the_head_effective_before_the_designation_is_rejected() {
            rejected(fixture.given(established(), headDesignated(on("2003-01-01"), SGB_2002))
                    .when(new VacateHead(DIVISION, on("2002-06-01"), SGB_2002)), Rule.NO_HEAD_IN_FORCE);
        }

        @Test
        void vacating_a_head_already_vacated_is_rejected() {
            rejected(fixture.given(established(), headDesignated(on("2001-01-01"), SGB_1999),
                            new HeadVacated(DIVISION, on("2002-06-01"), SGB_2002, null))
                    .when(new VacateHead(DIVISION, on("2003-01-01"), SGB_2002)), Rule.NO_HEAD_IN_FORCE);
        }
    }

    @Nested
    class Functions {

        @Test
        void assigning_a_function_records_its_text_and_authority() {
            fixture.given(established())
                    .when(new AssignFunction(DIVISION, INDICATORS, FUNCTION_TEXT, on("2003-01-01"), SGB_2002))
                    .expectEvents(assigned(INDICATORS, on("2003-01-01"), SGB_2002));
        }

        @Test
        void assigning_a_function_id_already_used_in_the_unit_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2002-06-01")))
                    .when(new AssignFunction(DIVISION, INDICATORS, FUNCTION_TEXT, on("2003-01-01"), SGB_2002)),
                    Rule.FUNCTION_ID_TAKEN);
        }

        @Test
        void assigning_a_function_to_an_abolished_unit_is_rejected() {
            rejected(fixture.given(established(), abolished(on("2003-01-01")))
                    .when(new AssignFunction(DIVISION, INDICATORS, FUNCTION_TEXT, on("2003-06-01"), SGB_2002)),
                    Rule.UNIT_ABOLISHED);
        }

        @Test
        void withdrawing_an_assigned_function_records_the_withdrawal() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002))
                    .expectEvents(new FunctionWithdrawn(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002, null));
        }

        @Test
        void withdrawing_a_function_never_assigned_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999))
                    .when(new WithdrawFunction(DIVISION, BEST_PRACTICES, on("2003-01-01"), SGB_2002)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }

        @Test
        void withdrawing_a_function_effective_before_its_assignment_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2002-06-01"), SGB_2002))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2001-01-01"), SGB_1999)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }

        @Test
        void withdrawing_a_function_already_withdrawn_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2002-06-01")))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }

        @Test
        void a_withdrawal_back_dated_before_a_later_withdrawal_is_accepted() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2004-01-01")))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002))
                    .expectEvents(new FunctionWithdrawn(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002, null));
        }

        @Test
        void reaffirming_an_assigned_function_records_its_new_ground() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999))
                    .when(new ReaffirmFunction(DIVISION, INDICATORS, on("2002-06-01"), SGB_2002))
                    .expectEvents(new FunctionReaffirmed(DIVISION, INDICATORS, on("2002-06-01"), SGB_2002));
        }

        @Test
        void reaffirming_a_withdrawn_function_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2002-06-01")))
                    .when(new ReaffirmFunction(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }

        @Test
        void reaffirming_a_function_never_assigned_is_rejected() {
            rejected(fixture.given(established())
                    .when(new ReaffirmFunction(DIVISION, INDICATORS, on("2003-01-01"), SGB_2002)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }
    }

    @Nested
    class ReaffirmingTheUnit {

        @Test
        void reaffirming_a_unit_records_its_new_ground() {
            fixture.given(established())
                    .when(new ReaffirmUnit(DIVISION, on("2002-06-01"), SGB_2002))
                    .expectEvents(new UnitReaffirmed(DIVISION, on("2002-06-01"), SGB_2002));
        }
    }

    @Nested
    class Abolishing {

        @BeforeEach
        void successorsInForce() {
            registered(BRANCH_A, ESTABLISHED, null, CENTRE);
            registered(BRANCH_B, ESTABLISHED, null, CENTRE);
            registered(BRANCH_C, ESTABLISHED, null, CENTRE);
        }

        @ParameterizedTest(name = "{0} with {1} successor(s)")
        @CsvSource({"ABOLISHED, 0", "MERGED_INTO, 1", "REPLACED_BY, 1", "SPLIT_INTO, 2", "SPLIT_INTO, 3"})
        void a_closure_with_the_number_of_successors_its_kind_takes_is_recorded(ClosureKind closure, int count) {
            fixture.given(established())
                    .when(new AbolishUnit(DIVISION, closure, successors(count), on("2003-01-01"), SGB_2002))
                    .expectEvents(new UnitAbolished(DIVISION, closure, successors(count), on("2003-01-01"), SGB_2002, null));
        }

        @ParameterizedTest(name = "{0} with {1} successor(s)")
        @CsvSource({"ABOLISHED, 1", "MERGED_INTO, 0", "MERGED_INTO, 2", "REPLACED_BY, 0", "REPLACED_BY, 2",
                "SPLIT_INTO, 0", "SPLIT_INTO, 1"})
        void a_closure_with_a_number_of_successors_its_kind_does_not_take_is_rejected(ClosureKind closure, int count) {
            rejected(fixture.given(established())
                    .when(new AbolishUnit(DIVISION, closure, successors(count), on("2003-01-01"), SGB_2002)),
                    Rule.INVALID_SUCCESSORS);
        }

        @Test
        void a_split_naming_the_same_successor_twice_is_rejected() {
            rejected(fixture.given(established())
                    .when(new AbolishUnit(DIVISION, ClosureKind.SPLIT_INTO, List.of(BRANCH_A, BRANCH_A),
                            on("2003-01-01"), SGB_2002)), Rule.INVALID_SUCCESSORS);
        }

        @Test
        void a_unit_cannot_be_its_own_successor() {
            rejected(fixture.given(established())
                    .when(new AbolishUnit(DIVISION, ClosureKind.REPLACED_BY, List.of(DIVISION), on("2003-01-01"),
                            SGB_2002)), Rule.INVALID_SUCCESSORS);
        }

        @Test
        void a_merger_into_a_unit_not_in_force_that_day_is_rejected() {
            registered(BRANCH_A, on("2004-01-01"), null, CENTRE);
            rejected(fixture.given(established())
                    .when(new AbolishUnit(DIVISION, ClosureKind.MERGED_INTO, List.of(BRANCH_A), on("2003-01-01"),
                            SGB_2002)), Rule.INVALID_SUCCESSORS);
        }

        @Test
        void a_unit_cannot_be_abolished_on_the_day_it_is_established() {
            rejected(fixture.given(established())
                    .when(new AbolishUnit(DIVISION, ClosureKind.ABOLISHED, List.of(), ESTABLISHED, SGB_1999)),
                    Rule.BEFORE_ESTABLISHMENT);
        }

        @Test
        void abolishing_a_unit_with_a_child_in_force_is_rejected() {
            registered(SECTION, ESTABLISHED, null, DIVISION);
            rejected(fixture.given(established()).when(abolish(on("2003-01-01"))), Rule.UNIT_HAS_CHILDREN_IN_FORCE);
        }

        @Test
        void abolishing_a_unit_with_a_child_moving_under_it_later_is_rejected() {
            registered(SECTION, ESTABLISHED, null, OFFICE);
            graph.addParentAssertion(SECTION.value(), 1, on("2005-01-01"), DIVISION.value());
            rejected(fixture.given(established()).when(abolish(on("2003-01-01"))), Rule.UNIT_HAS_CHILDREN_IN_FORCE);
        }

        @Test
        void abolishing_a_unit_whose_children_have_moved_away_is_accepted() {
            registered(SECTION, ESTABLISHED, null, DIVISION);
            graph.addParentAssertion(SECTION.value(), 1, on("2002-01-01"), OFFICE.value());
            fixture.given(established())
                    .when(abolish(on("2003-01-01")))
                    .expectEvents(abolished(on("2003-01-01")));
        }

        @Test
        void abolishing_a_unit_before_its_changes_that_take_effect_later_is_rejected() {
            rejected(fixture.given(established(), new UnitRenamed(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002))
                    .when(abolish(on("2003-01-01"))), Rule.CHANGES_AFTER_ABOLITION);
        }

        @Test
        void abolishing_a_unit_on_the_day_a_change_of_it_takes_effect_is_rejected() {
            rejected(fixture.given(established(), headDesignated(on("2003-01-01"), SGB_2002))
                    .when(abolish(on("2003-01-01"))), Rule.CHANGES_AFTER_ABOLITION);
        }

        @Test
        void an_abolition_back_dated_before_a_recorded_abolition_is_rejected() {
            rejected(fixture.given(established(), abolished(on("2004-01-01")))
                    .when(abolish(on("2003-01-01"))), Rule.CHANGES_AFTER_ABOLITION);
        }

        @Test
        void a_retracted_later_change_does_not_hold_back_an_earlier_abolition() {
            UnitRenamed renamed = new UnitRenamed(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002);
            fixture.given(established(), renamed,
                            new ChangeRetracted(DIVISION, 1001, 1, "UnitRenamed", "typo", on("2004-01-01"), SGB_2002))
                    .when(abolish(on("2003-01-01")))
                    .expectEvents(abolished(on("2003-01-01")));
        }

        private AbolishUnit abolish(LocalDate date) {
            return new AbolishUnit(DIVISION, ClosureKind.ABOLISHED, List.of(), date, SGB_2002);
        }

        private List<UnitId> successors(int count) {
            return Stream.of(BRANCH_A, BRANCH_B, BRANCH_C).limit(count).toList();
        }
    }

    @Nested
    class Retracting {

        private static final String REASON = "recorded against the wrong division";

        @Test
        void retracting_a_change_records_what_was_retracted_and_when_it_took_effect() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2003-01-01")))
                    .when(retract(2))
                    .expectEvents(new ChangeRetracted(DIVISION, 1002, 2, "FunctionWithdrawn", REASON, on("2003-01-01"),
                            SGB_2002));
        }

        @Test
        void the_establishment_cannot_be_retracted() {
            rejected(fixture.given(established()).when(retract(0)), Rule.CHANGE_NOT_RETRACTABLE);
        }

        @Test
        void a_retraction_cannot_be_retracted() {
            UnitRenamed renamed = new UnitRenamed(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002);
            rejected(fixture.given(established(), renamed, retraction(1, renamed)).when(retract(2)),
                    Rule.CHANGE_NOT_RETRACTABLE);
        }

        @Test
        void a_change_already_retracted_cannot_be_retracted_again() {
            UnitRenamed renamed = new UnitRenamed(DIVISION, NEW_NAME, on("2003-01-01"), SGB_2002);
            rejected(fixture.given(established(), renamed, retraction(1, renamed)).when(retract(1)),
                    Rule.CHANGE_ALREADY_RETRACTED);
        }

        @Test
        void a_change_number_the_unit_never_recorded_cannot_be_retracted() {
            rejected(fixture.given(established()).when(retract(7)), Rule.CHANGE_NOT_RETRACTABLE);
        }

        @Test
        void a_retraction_without_a_reason_is_rejected() {
            // the command itself refuses a reason without a visible character (decision 0007), before any aggregate
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetractChange(DIVISION, 1001, 1, " ", SGB_2002))
                    .isInstanceOf(org.orgledger.ledger.InvalidInput.class);
        }

        @Test
        void a_retraction_citing_an_instrument_not_in_force_on_the_retracted_change_date_is_rejected() {
            rejected(fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999))
                    .when(retract(1)), Rule.INSTRUMENT_NOT_IN_FORCE);
        }

        @Test
        void a_retracted_withdrawal_brings_the_function_back() {
            FunctionWithdrawn withdrawn = withdrawn(INDICATORS, on("2003-01-01"));
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999), withdrawn,
                            retraction(2, withdrawn))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2004-01-01"), SGB_2002))
                    .expectEvents(new FunctionWithdrawn(DIVISION, INDICATORS, on("2004-01-01"), SGB_2002, null));
        }

        @Test
        void a_function_whose_assignment_is_retracted_is_no_longer_assigned() {
            FunctionAssigned assigned = assigned(INDICATORS, on("2003-01-01"), SGB_2002);
            rejected(fixture.given(established(), assigned, retraction(1, assigned))
                    .when(new WithdrawFunction(DIVISION, INDICATORS, on("2004-01-01"), SGB_2002)),
                    Rule.FUNCTION_NOT_ASSIGNED);
        }

        @Test
        void a_retracted_abolition_lets_changes_after_the_old_abolition_date_be_accepted() {
            UnitAbolished abolished = abolished(on("2003-01-01"));
            fixture.given(established(), abolished, retraction(1, abolished))
                    .when(new RenameUnit(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002))
                    .expectEvents(new UnitRenamed(DIVISION, NEW_NAME, on("2004-01-01"), SGB_2002));
        }

        private RetractChange retract(long changeNumber) {
            return new RetractChange(DIVISION, 1000 + changeNumber, changeNumber, REASON, SGB_2002);
        }

        private ChangeRetracted retraction(long changeNumber, UnitEvent retracted) {
            return new ChangeRetracted(DIVISION, 1000 + changeNumber, changeNumber, retracted.getClass().getSimpleName(),
                    REASON, retracted.effectiveFrom(), SGB_2002);
        }
    }

    /** ST/SGB/1999/22 ceases on 1 July 2002, superseded by ST/SGB/2002/14. */
    @Nested
    class ApplyingASupersession {

        private final ApplySupersession supersession = new ApplySupersession(DIVISION, CEASED, SUPERSEDED, SUPERSEDING);

        @Test
        void supersession_ends_the_functions_the_head_and_the_unit_grounded_only_by_the_ceased_instrument() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            headDesignated(on("2001-01-01"), SGB_1999))
                    .when(supersession)
                    .expectEvents(new FunctionWithdrawn(DIVISION, INDICATORS, SUPERSEDED, SUPERSEDING, CEASED),
                            new HeadVacated(DIVISION, SUPERSEDED, SUPERSEDING, CEASED),
                            new UnitAbolished(DIVISION, ClosureKind.ABOLISHED, List.of(), SUPERSEDED, SUPERSEDING, CEASED));
        }

        @Test
        void supersession_leaves_a_function_reaffirmed_by_another_instrument() {
            fixture.given(established(), reaffirmed(on("2002-06-01")),
                            assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            new FunctionReaffirmed(DIVISION, INDICATORS, on("2002-06-01"), SGB_2002),
                            assigned(BEST_PRACTICES, on("2001-01-01"), SGB_1999))
                    .when(supersession)
                    .expectEvents(new FunctionWithdrawn(DIVISION, BEST_PRACTICES, SUPERSEDED, SUPERSEDING, CEASED));
        }

        @Test
        void supersession_leaves_a_reaffirmed_unit_and_the_head_it_had_when_reaffirmed() {
            fixture.given(established(), headDesignated(on("2001-01-01"), SGB_1999), reaffirmed(on("2002-06-01")))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void supersession_vacates_a_head_designated_after_the_unit_was_reaffirmed() {
            fixture.given(established(), reaffirmed(on("2002-06-01")), headDesignated(on("2002-06-15"), SGB_1999))
                    .when(supersession)
                    .expectEvents(new HeadVacated(DIVISION, SUPERSEDED, SUPERSEDING, CEASED));
        }

        @Test
        void a_reaffirmation_taking_effect_only_after_that_day_does_not_save_a_function_but_keeps_the_unit() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            new FunctionReaffirmed(DIVISION, INDICATORS, on("2002-09-01"), SGB_2002))
                    .when(supersession)
                    .expectEvents(new FunctionWithdrawn(DIVISION, INDICATORS, SUPERSEDED, SUPERSEDING, CEASED));
        }

        @Test
        void supersession_leaves_a_unit_with_units_reporting_to_it() {
            registered(SECTION, ESTABLISHED, null, DIVISION);
            fixture.given(established())
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void supersession_leaves_functions_already_withdrawn() {
            fixture.given(established(), reaffirmed(on("2002-06-01")), assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            withdrawn(INDICATORS, on("2002-06-01")))
                    .when(supersession)
                    .expectNoEvents();
        }

        @Test
        void applying_a_supersession_twice_records_nothing_the_second_time() {
            fixture.given(established(), reaffirmed(on("2002-06-01")), headDesignated(on("2002-06-15"), SGB_1999),
                            assigned(INDICATORS, on("2001-01-01"), SGB_1999),
                            new FunctionWithdrawn(DIVISION, INDICATORS, SUPERSEDED, SUPERSEDING, CEASED),
                            new HeadVacated(DIVISION, SUPERSEDED, SUPERSEDING, CEASED))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void applying_a_supersession_to_a_unit_it_abolished_records_nothing() {
            fixture.given(established(),
                            new UnitAbolished(DIVISION, ClosureKind.ABOLISHED, List.of(), SUPERSEDED, SUPERSEDING, CEASED))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void supersession_does_nothing_for_a_unit_abolished_before_that_day() {
            fixture.given(established(), assigned(INDICATORS, on("2001-01-01"), SGB_1999), abolished(on("2002-01-01")))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void supersession_does_nothing_for_a_unit_established_after_that_day() {
            fixture.given(new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, CENTRE, on("2003-01-01"), SGB_1999))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void supersession_does_not_abolish_a_unit_on_the_day_it_was_established() {
            fixture.given(new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, CENTRE, SUPERSEDED, SGB_1999))
                    .when(supersession)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        private UnitReaffirmed reaffirmed(LocalDate date) {
            return new UnitReaffirmed(DIVISION, date, SGB_2002);
        }
    }

    /** A command to change the division, built for a date and an authority. */
    @FunctionalInterface
    interface ChangeOn {
        Object on(LocalDate date, Authority authority);
    }

    static Stream<Named<ChangeOn>> changes() {
        return Stream.of(
                Named.of("rename", (date, authority) -> new RenameUnit(DIVISION, NEW_NAME, date, authority)),
                Named.of("move", (date, authority) -> new ChangeReportingLine(DIVISION, OFFICE, date, authority)),
                Named.of("record an alternate name", (date, authority) -> new RecordAlternateName(DIVISION,
                        LocalizedText.of("zh", "城市事务秘书处"), Map.of(), date, authority)),
                Named.of("designate a head",
                        (date, authority) -> new DesignateHead(DIVISION, DIRECTOR, null, date, authority)),
                Named.of("vacate the head", (date, authority) -> new VacateHead(DIVISION, date, authority)),
                Named.of("assign a function",
                        (date, authority) -> new AssignFunction(DIVISION, INDICATORS, FUNCTION_TEXT, date, authority)),
                Named.of("withdraw a function",
                        (date, authority) -> new WithdrawFunction(DIVISION, INDICATORS, date, authority)),
                Named.of("reaffirm a function",
                        (date, authority) -> new ReaffirmFunction(DIVISION, INDICATORS, date, authority)),
                Named.of("reaffirm the unit", (date, authority) -> new ReaffirmUnit(DIVISION, date, authority)),
                Named.of("abolish", (date, authority) -> new AbolishUnit(DIVISION, ClosureKind.ABOLISHED, List.of(),
                        date, authority)));
    }

    private static void rejected(ResultValidator<OrganizationalUnit> result, Rule rule) {
        result.expectException(RuleViolation.class).expectException(violationOf(rule)).expectNoEvents();
    }

    /** A unit as the registry knows it: in force from {@code from} until {@code until}, under {@code parent}. */
    private void registered(UnitId unit, LocalDate from, LocalDate until, UnitId parent) {
        graph.addUnit(unit.value(), from, until);
        graph.addParentAssertion(unit.value(), 0, from, parent == null ? null : parent.value());
        when(units.exists(unit)).thenReturn(true);
        when(units.abolishedOn(unit)).thenReturn(java.util.Optional.ofNullable(until));
        when(units.inForceOn(eq(unit), any())).thenAnswer(call -> {
            LocalDate date = call.getArgument(1);
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        });
    }

    private static UnitEstablished established() {
        return new UnitEstablished(DIVISION, UnitKind.DIVISION, NAME, CENTRE, ESTABLISHED, SGB_1999);
    }

    private static FunctionAssigned assigned(FunctionId function, LocalDate date, Authority authority) {
        return new FunctionAssigned(DIVISION, function, FUNCTION_TEXT, date, authority);
    }

    private static FunctionWithdrawn withdrawn(FunctionId function, LocalDate date) {
        return new FunctionWithdrawn(DIVISION, function, date, SGB_2002, null);
    }

    private static HeadDesignated headDesignated(LocalDate date, Authority authority) {
        return new HeadDesignated(DIVISION, DIRECTOR, HeadLevel.of("D-1"), date, authority);
    }

    private static UnitAbolished abolished(LocalDate date) {
        return new UnitAbolished(DIVISION, ClosureKind.ABOLISHED, List.of(), date, SGB_2002, null);
    }

    private static LocalDate on(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
