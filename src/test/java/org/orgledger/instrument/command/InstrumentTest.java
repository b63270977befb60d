package org.orgledger.instrument.command;

import static org.orgledger.ledger.RuleViolations.violationOf;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.instrument.api.InstrumentKind;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.Rule;
import org.orgledger.ledger.RuleViolation;

/** The specification of instruments: ST/SGB/1999/22, in force from 1 July 1999, and what supersedes it. */
class InstrumentTest {

    private static final InstrumentSymbol SGB_1999 = InstrumentSymbol.of("ST/SGB/1999/22");
    private static final InstrumentSymbol SGB_2002 = InstrumentSymbol.of("ST/SGB/2002/14");
    private static final InstrumentSymbol SGB_2003 = InstrumentSymbol.of("ST/SGB/2003/8");
    private static final InstrumentSymbol UNRECORDED = InstrumentSymbol.of("ST/SGB/2099/1");
    private static final LocalizedText TITLE = LocalizedText.of("en", "Organization of the Secretariat of UN-Habitat");
    private static final LocalDate ISSUED = on("1999-06-15");
    private static final LocalDate IN_FORCE = on("1999-07-01");
    private static final LocalDate SUPERSEDED = on("2002-07-01");

    private final KnownInstruments instruments = new KnownInstruments();
    private FixtureConfiguration<Instrument> fixture;

    @BeforeEach
    void setUp() {
        instruments.inForce(SGB_2002, on("2002-05-15"), null)
                .inForce(SGB_2003, on("2003-01-01"), null);
        fixture = new AggregateTestFixture<>(Instrument.class);
        fixture.registerInjectableResource(instruments.registry());
    }

    @Test
    void promulgating_a_bulletin_records_it() {
        fixture.givenNoPriorActivity()
                .when(new PromulgateBulletin(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, IN_FORCE))
                .expectEvents(promulgated());
    }

    @Test
    void a_bulletin_may_take_effect_on_the_day_it_is_issued() {
        fixture.givenNoPriorActivity()
                .when(new PromulgateBulletin(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, ISSUED))
                .expectEvents(new BulletinPromulgated(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, ISSUED));
    }

    @Test
    void promulgating_an_instrument_already_recorded_is_rejected() {
        instruments.inForce(SGB_1999, IN_FORCE, null);
        rejected(fixture.givenNoPriorActivity()
                .when(new PromulgateBulletin(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, IN_FORCE)),
                Rule.INSTRUMENT_ALREADY_EXISTS);
    }

    @Test
    void an_instrument_cannot_take_effect_before_it_is_issued() {
        rejected(fixture.givenNoPriorActivity()
                .when(new PromulgateBulletin(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, on("1999-06-14"))),
                Rule.INVALID_DATES);
    }

    @Test
    void superseding_a_bulletin_records_the_superseding_instrument_date_and_provision() {
        fixture.given(promulgated())
                .when(new SupersedeBulletin(SGB_1999, SGB_2002, SUPERSEDED, "9.1"))
                .expectEvents(new BulletinSuperseded(SGB_1999, SGB_2002, SUPERSEDED, "9.1"));
    }

    @Test
    void an_instrument_cannot_supersede_itself() {
        instruments.inForce(SGB_1999, IN_FORCE, null);
        rejected(fixture.given(promulgated()).when(new SupersedeBulletin(SGB_1999, SGB_1999, SUPERSEDED, "9.1")),
                Rule.INVALID_SUPERSESSION);
    }

    @Test
    void an_instrument_already_superseded_cannot_be_superseded_again() {
        rejected(fixture.given(promulgated(), new BulletinSuperseded(SGB_1999, SGB_2002, SUPERSEDED, "9.1"))
                .when(new SupersedeBulletin(SGB_1999, SGB_2003, on("2003-06-01"), "1")),
                Rule.INSTRUMENT_ALREADY_SUPERSEDED);
    }

    @Test
    void an_instrument_cannot_be_superseded_on_the_day_it_takes_effect() {
        instruments.inForce(SGB_2002, on("1999-01-01"), null);
        rejected(fixture.given(promulgated()).when(new SupersedeBulletin(SGB_1999, SGB_2002, IN_FORCE, "9.1")),
                Rule.INVALID_SUPERSESSION);
    }

    @Test
    void an_instrument_can_be_superseded_the_day_after_it_takes_effect() {
        instruments.inForce(SGB_2002, on("1999-01-01"), null);
        fixture.given(promulgated())
                .when(new SupersedeBulletin(SGB_1999, SGB_2002, IN_FORCE.plusDays(1), "9.1"))
                .expectEvents(new BulletinSuperseded(SGB_1999, SGB_2002, IN_FORCE.plusDays(1), "9.1"));
    }

    @Test
    void superseding_by_an_unrecorded_instrument_is_rejected() {
        rejected(fixture.given(promulgated()).when(new SupersedeBulletin(SGB_1999, UNRECORDED, SUPERSEDED, "1")),
                Rule.UNKNOWN_INSTRUMENT);
    }

    @Test
    void superseding_by_an_instrument_not_yet_in_force_is_rejected() {
        rejected(fixture.given(promulgated()).when(new SupersedeBulletin(SGB_1999, SGB_2003, SUPERSEDED, "1")),
                Rule.INSTRUMENT_NOT_IN_FORCE);
    }

    @Test
    void superseding_by_an_instrument_itself_superseded_by_then_is_rejected() {
        instruments.inForce(SGB_2002, on("2002-05-15"), on("2002-06-01"));
        rejected(fixture.given(promulgated()).when(new SupersedeBulletin(SGB_1999, SGB_2002, SUPERSEDED, "9.1")),
                Rule.INSTRUMENT_NOT_IN_FORCE);
    }

    private static BulletinPromulgated promulgated() {
        return new BulletinPromulgated(SGB_1999, InstrumentKind.BULLETIN, TITLE, ISSUED, IN_FORCE);
    }

    private static void rejected(ResultValidator<Instrument> result, Rule rule) {
        result.expectException(RuleViolation.class).expectException(violationOf(rule)).expectNoEvents();
    }

    private static LocalDate on(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
