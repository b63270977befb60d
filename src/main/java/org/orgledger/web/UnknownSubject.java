package org.orgledger.web;

import org.orgledger.ledger.Rule;

/** A read asked for a unit or instrument the ledger does not know: 404 with the rule's code. */
public class UnknownSubject extends RuntimeException {

    private final Rule rule;

    public UnknownSubject(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public static UnknownSubject unit(String id) {
        return new UnknownSubject(Rule.UNKNOWN_UNIT, "no unit " + id + " is recorded");
    }

    public static UnknownSubject instrument(String symbol) {
        return new UnknownSubject(Rule.UNKNOWN_INSTRUMENT, "no instrument " + symbol + " is recorded");
    }

    Rule rule() {
        return rule;
    }
}
