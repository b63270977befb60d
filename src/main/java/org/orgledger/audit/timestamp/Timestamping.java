package org.orgledger.audit.timestamp;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.orgledger.audit.chain.SignedTreeHead;
import org.orgledger.platform.background.CoalescingWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the Time-Stamp Authority to stamp the newest signed tree head, on one background thread,
 * after the transaction that signed it committed and at most once per interval: a command never
 * waits for the TSA and never fails because of it (docs/decisions/0012-trusted-timestamps.md).
 * The token is checked like a verifier would before it is kept. A failed request is retried with
 * a delay doubling from 1 s to 5 min; the next commit or start tries again. Not configured: no
 * thread, no request.
 */
@Component
public class Timestamping implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Timestamping.class);

    private final TimestampLog stamps;
    private final StampVerifier verifier;
    private final Duration interval;
    private final Clock clock;
    private final TsaClient tsa;
    private final CoalescingWorker worker;

    Timestamping(TimestampProperties properties, TimestampAudit audit, TimestampLog stamps, Clock clock) {
        this.stamps = stamps;
        this.verifier = audit.verifier();
        this.interval = properties.interval();
        this.clock = clock;
        boolean enabled = properties.url() != null;
        this.tsa = enabled ? new TsaClient(properties.url(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) : null;
        this.worker = enabled ? new CoalescingWorker("orgledger-timestamping", this::round) : null;
    }

    boolean enabled() {
        return worker != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        wake();
    }

    /** Schedules a round unless one is already waiting to run: a burst of commits makes one round. */
    void wake() {
        if (worker != null) {
            worker.wake();
        }
    }

    /** Once the transaction that signed a new tree head has committed. */
    void wakeAfterCommit() {
        if (worker != null) {
            worker.wakeAfterCommit();
        }
    }

    private CoalescingWorker.Outcome round(Duration retryDelay) throws InterruptedException {
        TimestampLog.Newest newest = stamps.newest().orElse(null);
        if (newest == null || newest.stamped()) {
            return CoalescingWorker.Outcome.done();
        }
        Instant now = clock.instant();
        if (newest.lastStampReceivedAt() != null) {
            Instant due = newest.lastStampReceivedAt().plus(interval);
            if (due.isAfter(now)) {
                return CoalescingWorker.Outcome.after(Duration.between(now, due));
            }
        }
        SignedTreeHead head = newest.head();
        try {
            byte[] token = tsa.stamp(head.statement());
            Instant genTime = verifier.verify(token, head.statement());
            stamps.add(head.treeSize(), token, genTime, tsa.url(), clock.instant());
            log.debug("The tree head of size {} was stamped at {}", head.treeSize(), genTime);
            return CoalescingWorker.Outcome.done();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.warn("The Time-Stamp Authority {} did not stamp the tree head of size {}: {}; retrying in {}",
                    tsa.url(), head.treeSize(), e.getMessage(), retryDelay);
            return CoalescingWorker.Outcome.failed();
        }
    }

    @Override
    public void destroy() {
        if (worker != null) {
            worker.close();
        }
    }
}
