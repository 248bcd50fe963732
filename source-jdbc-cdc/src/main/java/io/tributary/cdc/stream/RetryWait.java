package io.tributary.cdc.stream;

import java.time.Duration;

import io.tributary.cdc.config.PostgresCdcConnectorConfig;

/**
 * The wait before reconnecting: one second (at most {@code retriable.restart.connector.wait.ms}), doubling after each
 * failure in a row up to that limit; {@code errors.max.retries} failures in a row (negative: no limit) are too many.
 */
final class RetryWait {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final long first;
    private final long max;
    private final int maxRetries;
    private long next;
    private int failures;

    RetryWait(PostgresCdcConnectorConfig config) {
        this.max = config.maxRetryWait().toMillis();
        this.first = Math.min(FIRST.toMillis(), max);
        this.maxRetries = config.maxRetries();
        this.next = first;
    }

    /** After progress: the next failure is the first in a row again. */
    void reset() {
        next = first;
        failures = 0;
    }

    /** Counts a failure; false when that makes too many in a row. */
    boolean failed() {
        failures++;
        return maxRetries < 0 || failures <= maxRetries;
    }

    int failures() {
        return failures;
    }

    /** How long to wait now; the wait after it doubles. */
    long waitMillis() {
        long wait = next;
        next = Math.min(next * 2, max);
        return wait;
    }
}
