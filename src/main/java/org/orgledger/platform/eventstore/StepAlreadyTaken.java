package org.orgledger.platform.eventstore;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The one translation of a duplicate key in a table keyed like the event store (an aggregate or
 * a unit, and a change number): another change already holds that step of the history, so this
 * one is refused as a concurrent change ({@code CONCURRENT_CHANGE}, 409), as Axon's store refuses
 * a second event with the same aggregate sequence. The event rows, the unit registry and the
 * instrument registry are all written at or near commit (decision 0007), so whichever table's
 * uniqueness speaks first, the answer is the same.
 */
public final class StepAlreadyTaken {

    private StepAlreadyTaken() {
    }

    /** Runs {@code write}; a duplicate key in it becomes the concurrent-change refusal. */
    public static void refusingDuplicates(String what, Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException duplicate) {
            throw refusal(what, duplicate);
        }
    }

    public static ConcurrencyException refusal(String what, DuplicateKeyException duplicate) {
        return new ConcurrencyException("another change already holds this step of " + what + ": "
                + duplicate.getMostSpecificCause().getMessage(), duplicate);
    }
}
