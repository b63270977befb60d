package org.orgledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's {@link Clock} in the integration tests: the system's UTC clock, moved forward
 * when a test says so, so that a test which needs time to pass (a claim to time out, an interval
 * to elapse) advances it instead of sleeping. It never goes back: the ledger's recorded times
 * follow it, and a context may be shared by other test classes.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code duration} (the system's clock goes on ticking beneath). */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the test clock never goes back: " + duration);
        }
        ahead.accumulateAndGet(duration, Duration::plus);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger's clock is UTC");
    }

    /** Replaces the service's clock bean in every context of {@link LedgerIntegrationTest}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InEveryContext {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
