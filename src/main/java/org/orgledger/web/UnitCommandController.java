package org.orgledger.web;

import jakarta.validation.Valid;
import java.security.Principal;
import org.orgledger.language.LocalizedText;
import org.orgledger.platform.eventstore.CommandReceipt;
import org.orgledger.platform.eventstore.LedgerCommandGateway;
import org.orgledger.unit.api.EstablishUnit;
import org.orgledger.unit.api.UnitId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/units")
class UnitCommandController {

    private final LedgerCommandGateway ledger;

    UnitCommandController(LedgerCommandGateway ledger) {
        this.ledger = ledger;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CommandReceipt establish(@Valid @RequestBody EstablishUnitRequest request, Principal principal) {
        EstablishUnit command = new EstablishUnit(UnitId.of(request.id()), request.kind(),
                LocalizedText.of(request.name()), request.parentId() == null ? null : UnitId.of(request.parentId()),
                request.effectiveFrom(), request.authority().toAuthority());
        return ledger.submit(command, Principals.nameOf(principal));
    }
}
