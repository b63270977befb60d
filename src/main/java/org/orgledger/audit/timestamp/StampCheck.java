package org.orgledger.audit.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.orgledger.audit.chain.SignedTreeHead;

/**
 * The timestamp rules, the same for the service's verifier and the offline one. Run after the
 * chain and the signed tree heads were found valid, so every head's root is that of the events
 * as they are now:
 * <ol>
 * <li>every stored token verifies ({@link StampVerifier}) against the statement of the tree head
 * of its size: a head re-signed after it was stamped (history rewritten with the ledger's own key)
 * no longer matches the imprint;</li>
 * <li>every stamp but the first is at most {@code maxDelay} after the head it stamps was recorded:
 * a rewritten history stamped again can only get a stamp of today;</li>
 * <li>once anything is stamped, a head after the newest stamp may stay unstamped for
 * {@code maxDelay} after it was recorded, then it is overdue: stamps removed together with a
 * rewrite leave exactly that.</li>
 * </ol>
 * The first stamp is exempt from the delay (stamping can be switched on for an old ledger), so a
 * rewrite that removes every stamp and stamps again is not detected here: it shows as a ledger
 * first stamped today ({@link StampReport#firstStampedTreeSize()}, {@link StampReport#stampedAt()}).
 */
public final class StampCheck {

    private StampCheck() {
    }

    /** The report, and the first problem or null. */
    public record Result(StampReport report, Long firstInvalidSequence, String problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * @param verifier  checks the tokens against the trusted TSA certificates; null when none is
     *                  trusted, and then nothing is checked
     * @param reference the time "overdue" is judged at: now for the service, the export's time offline
     */
    public static Result check(List<SignedTreeHead> heads, List<Stamp> stamps, StampVerifier verifier,
                               Duration maxDelay, Instant reference) {
        if (verifier == null) {
            return new Result(StampReport.unchecked(stamps.size()), null, null);
        }
        Map<Long, SignedTreeHead> bySize = new HashMap<>();
        heads.forEach(head -> bySize.put(head.treeSize(), head));
        List<Stamp> bySizeOrder = stamps.stream().sorted(Comparator.comparingLong(Stamp::treeSize)).toList();
        Long firstSize = null;
        Long lastSize = null;
        Instant lastAt = null;
        for (Stamp stamp : bySizeOrder) {
            SignedTreeHead head = bySize.get(stamp.treeSize());
            if (head == null) {
                return failed(stamps, null, "a timestamp is stored for a tree of size " + stamp.treeSize()
                        + ", but no signed tree head has that size: the tree head was removed");
            }
            Instant stampedAt;
            try {
                stampedAt = verifier.verify(stamp.token(), head.statement());
            } catch (StampRejected e) {
                return failed(stamps, head.lastSequence(), "the timestamp of the tree head of size " + head.treeSize()
                        + " does not prove it: " + e.getMessage());
            }
            Instant recordedAt = instant(head.recordedAt());
            if (firstSize != null && recordedAt != null && Duration.between(recordedAt, stampedAt).compareTo(maxDelay) > 0) {
                return failed(stamps, head.lastSequence(), "the tree head of size " + head.treeSize() + ", recorded at "
                        + recordedAt + ", was stamped only at " + stampedAt + ", more than " + maxDelay
                        + " later: stamped after the fact, as a rewritten history stamped again would be"
                        + " (or the Time-Stamp Authority was out of reach for longer than that)");
            }
            firstSize = firstSize == null ? head.treeSize() : firstSize;
            lastSize = head.treeSize();
            lastAt = stampedAt;
        }
        long stampedSize = lastSize == null ? 0 : lastSize;
        List<SignedTreeHead> pending = heads.stream().filter(head -> head.treeSize() > stampedSize)
                .sorted(Comparator.comparingLong(SignedTreeHead::treeSize)).toList();
        String pendingSince = pending.isEmpty() ? null : pending.get(0).recordedAt();
        StampReport report = new StampReport(true, stamps.size(), lastSize, lastAt, firstSize, pending.size(), pendingSince);
        Instant oldestPending = pending.isEmpty() ? null : instant(pendingSince);
        if (lastSize != null && oldestPending != null
                && Duration.between(oldestPending, reference).compareTo(maxDelay) > 0) {
            SignedTreeHead overdue = pending.get(0);
            return new Result(report, overdue.lastSequence(), "the tree head of size " + overdue.treeSize()
                    + ", recorded at " + oldestPending + ", has had no timestamp for more than " + maxDelay
                    + " although the heads before it were stamped: its stamp was removed, as with a rewritten"
                    + " history (or the Time-Stamp Authority has been out of reach for longer than that)");
        }
        return new Result(report, null, null);
    }

    private static Result failed(List<Stamp> stamps, Long sequence, String problem) {
        return new Result(new StampReport(true, stamps.size(), null, null, null, 0, null), sequence, problem);
    }

    private static Instant instant(String recordedAt) {
        try {
            return recordedAt == null ? null : Instant.parse(recordedAt);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
