package io.tributary.benchmarks;

import java.util.Arrays;

/** Order statistics of repeated measurements. */
public final class Stats {

    private Stats() {
    }

    /** The value below which {@code percentile} per cent of the samples fall (nearest rank). */
    public static long percentile(long[] samples, double percentile) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("No samples");
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static long median(long[] samples) {
        return percentile(samples, 50);
    }
}
