package org.orgledger.instrument.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.orgledger.ledger.RuleViolation.require;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.orgledger.platform.eventstore.AggregateCache;
import org.orgledger.instrument.api.BulletinPromulgated;
import org.orgledger.instrument.api.BulletinSuperseded;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.ledger.Rule;

/** A legal instrument: in force from its effective date until another supersedes it. */
@Aggregate(cache = AggregateCache.NAME)
class Instrument {

    @AggregateIdentifier
    private InstrumentSymbol symbol;
    private LocalDate effectiveFrom;
    private InstrumentSymbol supersededBy;

    protected Instrument() {
        // for Axon's event sourcing
    }

    @CommandHandler
    Instrument(PromulgateBulletin command, InstrumentRegistry registry) {
        requireNewSymbol(command.symbol(), registry);
        requireValidDates(command.issuedOn(), command.effectiveFrom());
        apply(new BulletinPromulgated(command.symbol(), command.kind(), command.title(), command.titleLabels(),
                command.issuedOn(), command.effectiveFrom()));
    }

    @CommandHandler
    void handle(SupersedeBulletin command, InstrumentRegistry registry) {
        requireValidSupersession(command.supersedingSymbol(), command.effectiveFrom());
        requireNotYetSuperseded();
        registry.requireInForce(command.supersedingSymbol(), command.effectiveFrom());
        apply(new BulletinSuperseded(symbol, command.supersedingSymbol(), command.effectiveFrom(), command.provision()));
    }

    // The guards: one per rule of the ledger, named after it (see Rule).

    /** {@link Rule#INSTRUMENT_ALREADY_EXISTS} */
    private static void requireNewSymbol(InstrumentSymbol symbol, InstrumentRegistry registry) {
        require(!registry.exists(symbol), Rule.INSTRUMENT_ALREADY_EXISTS, "instrument " + symbol + " is already recorded");
    }

    /** {@link Rule#INVALID_DATES} */
    private static void requireValidDates(LocalDate issuedOn, LocalDate effectiveFrom) {
        require(!effectiveFrom.isBefore(issuedOn), Rule.INVALID_DATES,
                "an instrument cannot take effect (" + effectiveFrom + ") before it is issued (" + issuedOn + ")");
    }

    /** {@link Rule#INVALID_SUPERSESSION}: by another instrument, after this one took effect. */
    private void requireValidSupersession(InstrumentSymbol superseding, LocalDate on) {
        boolean itself = superseding.equals(symbol);
        require(!itself && on.isAfter(effectiveFrom), Rule.INVALID_SUPERSESSION, itself ? symbol + " cannot supersede itself"
                : symbol + " takes effect on " + effectiveFrom + "; it cannot be superseded on or before that day");
    }

    /** {@link Rule#INSTRUMENT_ALREADY_SUPERSEDED} */
    private void requireNotYetSuperseded() {
        require(supersededBy == null, Rule.INSTRUMENT_ALREADY_SUPERSEDED, symbol + " is already superseded by " + supersededBy);
    }

    @EventSourcingHandler
    void on(BulletinPromulgated event) {
        symbol = event.symbol();
        effectiveFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(BulletinSuperseded event) {
        supersededBy = event.supersedingSymbol();
    }
}
