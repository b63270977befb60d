package org.orgledger.platform.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingWorkerTest {

    @Test
    void wakes_while_a_round_runs_make_one_more_round_not_one_each() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch oneMore = new CountDownLatch(1);
        CountDownLatch twoMore = new CountDownLatch(2);
        AtomicInteger rounds = new AtomicInteger();
        try (CoalescingWorker worker = new CoalescingWorker("test-coalescing", retryDelay -> {
            if (rounds.incrementAndGet() == 1) {
                firstStarted.countDown();
                releaseFirst.await();
            } else {
                oneMore.countDown();
                twoMore.countDown();
            }
            return CoalescingWorker.Outcome.done();
        })) {
            worker.wake();
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 10; i++) {
                worker.wake();
            }
            releaseFirst.countDown();
            assertThat(oneMore.await(30, TimeUnit.SECONDS)).as("the wakes made a round").isTrue();
            // nothing else wakes the worker: a second extra round would be one of the ten wakes' own
            assertThat(twoMore.await(1, TimeUnit.SECONDS)).as("the wakes made a second round").isFalse();
        }
        assertThat(rounds.get()).isEqualTo(2);
    }

    @Test
    void a_failed_round_is_tried_again_with_a_doubling_delay_and_success_resets_it() throws Exception {
        List<Duration> delays = new CopyOnWriteArrayList<>();
        CountDownLatch fourRounds = new CountDownLatch(4);
        CountDownLatch fiveRounds = new CountDownLatch(5);
        try (CoalescingWorker worker = new CoalescingWorker("test-retry", retryDelay -> {
            delays.add(retryDelay);
            fourRounds.countDown();
            fiveRounds.countDown();
            // fail, fail, not yet, done; then done again when woken
            return delays.size() <= 2 ? CoalescingWorker.Outcome.failed()
                    : delays.size() == 3 ? CoalescingWorker.Outcome.after(Duration.ofMillis(1))
                    : CoalescingWorker.Outcome.done();
        })) {
            worker.wake();
            assertThat(fourRounds.await(60, TimeUnit.SECONDS)).as("tried again without a wake from outside").isTrue();
            worker.wake();
            assertThat(fiveRounds.await(60, TimeUnit.SECONDS)).isTrue();
        }
        Duration first = CoalescingWorker.FIRST_RETRY;
        assertThat(delays).containsExactly(first, first.multipliedBy(2), first.multipliedBy(4), first.multipliedBy(4),
                first);
    }
}
