package org.orgledger.audit.timestamp;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.orgledger.audit.chain.SignedTreeHead;
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
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofMinutes(5);

    private final TimestampLog stamps;
    private final StampVerifier verifier;
    private final Duration interval;
    private final Clock clock;
    private final TsaClient tsa;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Touched on the executor's thread only. */
    private ScheduledFuture<?> later;
    private Duration retryDelay = FIRST_RETRY;

    Timestamping(TimestampProperties properties, TimestampAudit audit, TimestampLog stamps, Clock clock) {
        this.stamps = stamps;
        this.verifier = audit.verifier();
        this.interval = properties.interval();
        this.clock = clock;
        boolean enabled = properties.url() != null;
        this.tsa = enabled ? new TsaClient(properties.url(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) : null;
        this.executor = enabled ? Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "orgledger-timestamping");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    boolean enabled() {
        return executor != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        wake();
    }

    /** Schedules a round unless one is already waiting to run: a burst of commits makes one round. */
    void wake() {
        if (executor != null && pending.compareAndSet(false, true)) {
            executor.execute(this::round);
        }
    }

    private void round() {
        pending.set(false);
        TimestampLog.Newest newest = stamps.newest().orElse(null);
        if (newest == null || newest.stamped()) {
            return;
        }
        Instant now = clock.instant();
        if (newest.lastStampReceivedAt() != null) {
            Instant due = newest.lastStampReceivedAt().plus(interval);
            if (due.isAfter(now)) {
                runLater(Duration.between(now, due));
                return;
            }
        }
        SignedTreeHead head = newest.head();
        try {
            byte[] token = tsa.stamp(head.statement());
            Instant genTime = verifier.verify(token, head.statement());
            stamps.add(head.treeSize(), token, genTime, tsa.url(), clock.instant());
            retryDelay = FIRST_RETRY;
            log.debug("The tree head of size {} was stamped at {}", head.treeSize(), genTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("The Time-Stamp Authority {} did not stamp the tree head of size {}: {}; retrying in {}",
                    tsa.url(), head.treeSize(), e.getMessage(), retryDelay);
            runLater(retryDelay);
            retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
        }
    }

    private void runLater(Duration delay) {
        if (later == null || later.isDone()) {
            later = executor.schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
