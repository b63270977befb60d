package org.orgledger.unit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.UnitEstablished;
import org.orgledger.unit.api.UnitId;

/** One organizational unit or post, as a timeline of recorded changes. */
@Aggregate
class OrganizationalUnit {

    @AggregateIdentifier
    private UnitId unitId;
    private LocalDate establishedOn;

    protected OrganizationalUnit() {
        // for Axon's event sourcing
    }

    @CommandHandler
    OrganizationalUnit(EstablishUnit command) {
        apply(new UnitEstablished(command.unitId(), command.kind(), command.name(), command.parentId(),
                command.effectiveFrom(), command.authority()));
    }

    @EventSourcingHandler
    void on(UnitEstablished event) {
        unitId = event.unitId();
        establishedOn = event.effectiveFrom();
    }
}
