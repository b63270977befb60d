package org.orgledger.ledger;

/**
 * A stable {@code code} the API answers a failure with (RFC 9457 problem details), with its
 * HTTP status and what it means. Every code the service can answer is one of {@link Rule} (a
 * rule of the ledger a command would break) or {@link ProblemCode} (anything else); the two
 * together are the {@link ErrorCatalogue}.
 */
public interface ErrorCode {

    /** The code as the API writes it, e.g. {@code UNIT_ABOLISHED}. */
    String name();

    int httpStatus();

    /** One sentence: the rule, or what went wrong. */
    String meaning();
}
