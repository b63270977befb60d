package org.orgledger.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.orgledger.platform.transaction.NodeExclusive;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared token store, except that while a rebuild runs on another node this node's
 * processors give up their segments and claim none: their next claim, extension or token update
 * fails as a lost claim does, and Axon releases the segment. The rebuilding node then holds every
 * segment, so its reset cannot race a claim from elsewhere (docs/decisions/0013). Whether a
 * rebuild runs elsewhere is PostgreSQL's answer (its lock in {@code pg_locks}), looked up at most
 * every {@link #LOOK_EVERY} on the busy path of token updates.
 */
class RebuildClaims implements TokenStore {

    static final Duration LOOK_EVERY = Duration.ofMillis(500);

    private final TokenStore delegate;
    private final String nodeId;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile boolean rebuildingHere;
    private volatile Instant lookedAt = Instant.MIN;
    private volatile boolean elsewhere;

    RebuildClaims(TokenStore delegate, String nodeId, JdbcTemplate jdbc, Clock clock) {
        this.delegate = delegate;
        this.nodeId = nodeId;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The name this node's claims carry in the token store. */
    String nodeId() {
        return nodeId;
    }

    /** Marks this node as the rebuilding one (before it takes the rebuild's lock, until after it lets go). */
    void rebuildingHere(boolean rebuilding) {
        this.rebuildingHere = rebuilding;
        this.lookedAt = Instant.MIN;
    }

    private void refuseDuringRebuildElsewhere(String processor, int segment, boolean fresh) {
        if (rebuildingHere) {
            return;
        }
        Instant now = clock.instant();
        if (fresh || lookedAt.plus(LOOK_EVERY).isBefore(now)) {
            long key = NodeExclusive.READ_MODEL_REBUILD;
            elsewhere = Boolean.TRUE.equals(jdbc.queryForObject("""
                    SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                                   AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                                   AND classid = ?::bigint::oid AND objid = ?::bigint::oid AND objsubid = 1)""",
                    Boolean.class, key >>> 32, key & 0xffffffffL));
            lookedAt = now;
        }
        if (elsewhere) {
            throw new UnableToClaimTokenException("a read-model rebuild runs on another node: " + processor + "["
                    + segment + "] waits until it has ended");
        }
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        refuseDuringRebuildElsewhere(processorName, segment, true);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        refuseDuringRebuildElsewhere(processorName, segment.getSegmentId(), true);
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        refuseDuringRebuildElsewhere(processorName, segment, false);
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        refuseDuringRebuildElsewhere(processorName, segment, false);
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
