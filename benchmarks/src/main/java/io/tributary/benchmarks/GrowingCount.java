package io.tributary.benchmarks;

import java.time.Duration;
import java.util.function.LongFunction;

/** Waits for a count that should keep growing (records in a topic, records a sink took) to reach a target. */
public final class GrowingCount {

    /** One reading of the count. */
    @FunctionalInterface
    public interface Reading {
        long read() throws InterruptedException;
    }

    private GrowingCount() {
    }

    /**
     * Reads {@code count} every {@code everyMs} until it is at least {@code target} and returns
     * {@link System#nanoTime()} of the reading that saw it. Fails when the count has not moved for {@code stall}, with
     * the message {@code stalled} gives for the last count.
     */
    public static long await(Reading count, long target, long everyMs, Duration stall, LongFunction<String> stalled)
            throws InterruptedException {
        long last = Long.MIN_VALUE;
        long lastProgress = System.nanoTime();
        while (true) {
            long current = count.read();
            long now = System.nanoTime();
            if (current >= target) {
                return now;
            }
            if (current != last) {
                last = current;
                lastProgress = now;
            } else if (now - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(stalled.apply(current));
            }
            Thread.sleep(everyMs);
        }
    }
}
