package org.orgledger.ledger;

import static org.hamcrest.Matchers.equalTo;

import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

/** Matches a command's rejection by the rule it names: the stable code the API returns. */
public final class RuleViolations {

    private RuleViolations() {
    }

    public static Matcher<RuleViolation> violationOf(Rule rule) {
        return new FeatureMatcher<>(equalTo(rule), "a rule violation of", "rule") {
            @Override
            protected Rule featureValueOf(RuleViolation violation) {
                return violation.rule();
            }
        };
    }
}
