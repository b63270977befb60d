package org.orgledger.structure.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The valid-time timeline of one fact, from the assertions the ledger knows: each assertion
 * holds from its effective date until the next one takes effect; on the same effective date
 * the later-recorded assertion wins. An ending assertion leaves a gap.
 */
final class FactTimeline {

    private FactTimeline() {
    }

    static List<FactVersion> of(List<Assertion> known) {
        List<Assertion> ordered = known.stream()
                .sorted(Comparator.comparing(Assertion::effectiveFrom).thenComparingLong(Assertion::sequence))
                .toList();
        List<FactVersion> versions = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Assertion assertion = ordered.get(i);
            Assertion next = i + 1 < ordered.size() ? ordered.get(i + 1) : null;
            boolean supplantedSameDay = next != null && next.effectiveFrom().equals(assertion.effectiveFrom());
            if (assertion.ends() || supplantedSameDay) {
                continue;
            }
            versions.add(new FactVersion(assertion.value(), assertion.authority(), assertion.sequence(),
                    assertion.effectiveFrom(), next == null ? null : next.effectiveFrom()));
        }
        return versions;
    }
}
