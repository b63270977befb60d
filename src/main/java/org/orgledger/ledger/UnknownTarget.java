package org.orgledger.ledger;

/**
 * The guards of {@link Rule#UNKNOWN_UNIT} and {@link Rule#UNKNOWN_INSTRUMENT}. Which of the two a
 * missing target breaks is decided by whoever knows what it asked for (the route, the command,
 * the registry), never guessed from the spelling of the id: {@code 123} is a valid symbol and
 * a valid unit id alike.
 */
public final class UnknownTarget {

    private UnknownTarget() {
    }

    public static RuleViolation unit(Object id) {
        return new RuleViolation(Rule.UNKNOWN_UNIT, "no unit " + id + " is recorded");
    }

    public static RuleViolation instrument(Object symbol) {
        return new RuleViolation(Rule.UNKNOWN_INSTRUMENT, "no instrument " + symbol + " is recorded");
    }
}
