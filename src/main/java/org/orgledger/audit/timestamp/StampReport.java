package org.orgledger.audit.timestamp;

import java.time.Instant;

/**
 * What the stored timestamps prove, as both verifiers report it.
 *
 * @param checked          false when no TSA certificate is trusted: the tokens were not checked
 * @param stamps           the number of stored timestamps
 * @param stampedTreeSize  the largest stamped tree: its first events, exactly as they are now,
 *                         existed at {@code stampedAt} (null before the first stamp)
 * @param stampedAt        the TSA's time on that stamp
 * @param firstStampedTreeSize the smallest stamped tree; heads before it are vouched for by later stamps only
 * @param pendingHeads     signed tree heads after the largest stamped one: not stamped yet, which
 *                         is not an error while they are younger than the allowed delay
 * @param pendingSince     the recorded time of the oldest pending head
 */
public record StampReport(boolean checked, int stamps, Long stampedTreeSize, Instant stampedAt,
                          Long firstStampedTreeSize, int pendingHeads, String pendingSince) {

    static StampReport unchecked(int stamps) {
        return new StampReport(false, stamps, null, null, null, 0, null);
    }
}
