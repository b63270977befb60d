package org.orgledger.platform.eventstore;

/**
 * An {@code Idempotency-Key} the user already sent with another request (another method, path or
 * body): answering with that request's receipt would tell the client that this one was recorded.
 * Nothing is sent to the ledger.
 */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("the Idempotency-Key '" + key + "' was already used with another request (method, path or body);"
                + " nothing was recorded: send a new command with a new key");
    }
}
