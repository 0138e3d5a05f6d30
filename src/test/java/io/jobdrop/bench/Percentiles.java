package io.jobdrop.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency percentiles by the nearest-rank method: p99 of 1,500 samples is the 1,485th smallest, an observed value,
 * never an interpolation between two.
 */
public record Percentiles(int count, double p50Ms, double p99Ms, double maxMs, double meanMs) {

    public static Percentiles ofMicros(Collection<Long> micros) {
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no latency samples");
        }
        return new Percentiles(sorted.length, ms(rank(sorted, 50)), ms(rank(sorted, 99)), ms(sorted[sorted.length - 1]),
                ms(Arrays.stream(sorted).average().orElseThrow()));
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double ms(double micros) {
        return micros / 1000.0;
    }
}
