package org.orgledger.web;

import java.security.Principal;
import org.orgledger.platform.eventstore.CommandReceipt;
import org.orgledger.platform.eventstore.LedgerCommandGateway;
import org.springframework.stereotype.Component;

/**
 * The HTTP commands' way into the ledger. Every command the API offers records at least one event
 * when it is accepted (none is a no-op), so a receipt without a sequence means that something
 * swallowed a failure on the way: it is answered as one ({@code 500 NOT_RECORDED}), never as a
 * success the ledger cannot show.
 */
@Component
public class RecordingLedger {

    private final LedgerCommandGateway ledger;

    RecordingLedger(LedgerCommandGateway ledger) {
        this.ledger = ledger;
    }

    public CommandReceipt record(Object command, Principal principal) {
        CommandReceipt receipt = ledger.submit(command, Principals.nameOf(principal));
        if (receipt.sequences().isEmpty()) {
            throw new NothingRecorded(command.getClass().getSimpleName());
        }
        return receipt;
    }

    /** A command that was neither refused nor recorded. */
    static final class NothingRecorded extends RuntimeException {

        NothingRecorded(String command) {
            super(command + " was accepted but no event was recorded");
        }
    }
}
