package org.orgledger.instrument.web;

import org.orgledger.web.RecordingLedger;
import jakarta.validation.Valid;
import java.security.Principal;
import org.orgledger.instrument.api.InstrumentSymbol;
import org.orgledger.instrument.api.PromulgateBulletin;
import org.orgledger.instrument.api.SupersedeBulletin;
import org.orgledger.language.LocalizedText;
import org.orgledger.ledger.InvalidInput;
import org.orgledger.ledger.UnknownTarget;
import org.orgledger.platform.eventstore.CommandReceipt;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Instrument commands; symbols contain {@code /}, so the action comes first in the path. */
@RestController
@RequestMapping("/api/instruments")
class InstrumentCommandController {

    private final RecordingLedger ledger;

    InstrumentCommandController(RecordingLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CommandReceipt promulgate(@Valid @RequestBody InstrumentRequests.Promulgate request, Principal principal) {
        return record(new PromulgateBulletin(InstrumentSymbol.of(request.symbol()), request.kind(),
                LocalizedText.of(request.title()), request.issuedOn(), request.effectiveFrom()), principal);
    }

    /** {@code POST /api/instruments/supersede/ST/SGB/1999/22} with {@code {"supersededBy": "ST/SGB/2002/14", ...}}. */
    @PostMapping("/supersede/{*symbol}")
    CommandReceipt supersede(@PathVariable String symbol, @Valid @RequestBody InstrumentRequests.Supersede request,
                             Principal principal) {
        return record(new SupersedeBulletin(symbolIn(symbol),
                InstrumentSymbol.of(request.supersededBy()), request.effectiveFrom(), request.provision()), principal);
    }

    /** OPTIONS on a supersession path: POST only (the instrument query's GET would otherwise be advertised). */
    @io.swagger.v3.oas.annotations.Hidden
    @RequestMapping(method = RequestMethod.OPTIONS, path = "/supersede/**")
    ResponseEntity<Void> commandOptions() {
        return ResponseEntity.ok().allow(HttpMethod.POST, HttpMethod.OPTIONS).build();
    }

    /** A {@code {*symbol}} capture starts with {@code /}. */
    private static InstrumentSymbol symbolIn(String capturedPath) {
        try {
            return InstrumentSymbol.of(capturedPath.isEmpty() ? "" : capturedPath.substring(1));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("symbol", "must be an instrument symbol as printed, such as ST/SGB/2002/14");
        }
    }

    /** Every command of this controller targets an instrument: an unknown target is an unknown instrument. */
    private CommandReceipt record(Object command, Principal principal) {
        return ledger.record(command, principal, UnknownTarget::instrument);
    }
}
