package org.orgledger.platform.background;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a round of outside work (a witness's cosignature, a Time-Stamp Authority's token) on one
 * daemon thread of its own, so that a command never waits for it and never fails because of it.
 * Wakes coalesce: a burst of commits makes one round. A failed round is run again after a delay
 * doubling from 1 s to 5 min; a successful one resets the delay; a round may also ask to run
 * again at a time of its own (not before an interval is over). At most one later run is waiting.
 */
public final class CoalescingWorker implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofMinutes(5);

    /** One round of work, on the worker's thread. */
    @FunctionalInterface
    public interface Round {

        /** Does the work; {@code retryDelay} is how long the worker waits before it tries again after a failure. */
        Outcome run(Duration retryDelay) throws InterruptedException;
    }

    /** What a round asks for next. */
    public sealed interface Outcome {

        /** Done (or nothing to do): the retry delay starts again from its first value. */
        static Outcome done() {
            return Done.INSTANCE;
        }

        /** Failed: run again after the retry delay, which then doubles. */
        static Outcome failed() {
            return Failed.INSTANCE;
        }

        /** Not yet: run again after {@code delay}, retry delay unchanged. */
        static Outcome after(Duration delay) {
            return new After(delay);
        }
    }

    private enum Done implements Outcome { INSTANCE }

    private enum Failed implements Outcome { INSTANCE }

    private record After(Duration delay) implements Outcome {
    }

    private final Round round;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    /** Touched on the worker's thread only. */
    private ScheduledFuture<?> later;
    private Duration retryDelay = FIRST_RETRY;

    public CoalescingWorker(String threadName, Round round) {
        this.round = round;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Schedules a round unless one is already waiting to run. */
    public void wake() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(this::runRound);
        }
    }

    /** Wakes once the current transaction has committed (at once outside a transaction): a round sees what it wrote. */
    public void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void runRound() {
        pending.set(false);
        Outcome outcome;
        try {
            outcome = round.run(retryDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (outcome instanceof After after) {
            runLater(after.delay());
        } else if (outcome instanceof Failed) {
            runLater(retryDelay);
            retryDelay = retryDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retryDelay.multipliedBy(2);
        } else {
            retryDelay = FIRST_RETRY;
        }
    }

    private void runLater(Duration delay) {
        if (later == null || later.isDone()) {
            later = executor.schedule(this::wake, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
