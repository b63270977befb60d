package org.orgledger.ledger;

/** A command refused because it would break a rule of the ledger; nothing was recorded. */
public class RuleViolation extends Refusal {

    private final Rule rule;

    public RuleViolation(Rule rule, String detail) {
        super(rule, detail);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    /** Check-then-throw, so that guard clauses read as the rule they enforce. */
    public static void require(boolean condition, Rule rule, String detail) {
        if (!condition) {
            throw new RuleViolation(rule, detail);
        }
    }
}
