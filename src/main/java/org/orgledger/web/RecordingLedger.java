package org.orgledger.web;

import java.security.Principal;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.orgledger.ledger.RuleViolation;
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

    /**
     * @param unknownTarget the refusal when the command's target is not recorded: the route knows
     *                      whether it asked for a unit or an instrument
     */
    public CommandReceipt record(Object command, Principal principal, Function<Object, RuleViolation> unknownTarget) {
        CommandReceipt receipt;
        try {
            receipt = ledger.submit(command, Principals.nameOf(principal));
        } catch (AggregateNotFoundException notFound) {
            throw unknownTarget.apply(notFound.getAggregateIdentifier());
        }
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
