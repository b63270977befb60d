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
import org.orgledger.ledger.RuleViolation;

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
        require(!registry.exists(command.symbol()), Rule.INSTRUMENT_ALREADY_EXISTS,
                "instrument " + command.symbol() + " is already recorded");
        require(!command.effectiveFrom().isBefore(command.issuedOn()), Rule.INVALID_DATES,
                "an instrument cannot take effect (" + command.effectiveFrom() + ") before it is issued (" + command.issuedOn() + ")");
        apply(new BulletinPromulgated(command.symbol(), command.kind(), command.title(), command.titleLabels(),
                command.issuedOn(), command.effectiveFrom()));
    }

    @CommandHandler
    void handle(SupersedeBulletin command, InstrumentRegistry registry) {
        require(!command.supersedingSymbol().equals(symbol), Rule.INVALID_SUPERSESSION,
                symbol + " cannot supersede itself");
        require(supersededBy == null, Rule.INSTRUMENT_ALREADY_SUPERSEDED,
                symbol + " is already superseded by " + supersededBy);
        require(command.effectiveFrom().isAfter(effectiveFrom), Rule.INVALID_SUPERSESSION,
                symbol + " takes effect on " + effectiveFrom + "; it cannot be superseded on or before that day");
        InstrumentRegistry.InForce superseding = registry.find(command.supersedingSymbol())
                .orElseThrow(() -> new RuleViolation(Rule.UNKNOWN_INSTRUMENT,
                        "no instrument " + command.supersedingSymbol() + " is recorded"));
        require(superseding.covers(command.effectiveFrom()), Rule.INSTRUMENT_NOT_IN_FORCE,
                command.supersedingSymbol() + " is not in force on " + command.effectiveFrom());
        apply(new BulletinSuperseded(symbol, command.supersedingSymbol(), command.effectiveFrom(), command.provision()));
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
