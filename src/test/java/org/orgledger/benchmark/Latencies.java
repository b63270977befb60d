package org.orgledger.benchmark;

import java.util.Arrays;
import java.util.List;

/** Durations of repeated calls, summarized as the benchmark reports them (milliseconds). */
record Latencies(int count, double p50, double p95, double max) {

    static Latencies ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(sorted[sorted.length - 1]));
    }

    /** Nearest rank: the smallest value with at least p% of the values at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
