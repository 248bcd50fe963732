package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.Stats;
import java.util.Arrays;

/**
 * Commit→Kafka latency bookkeeping. The inserter records, per row id, the moment its transaction's COMMIT returned
 * to it (microseconds, wall clock); the topic gives each record's log-append time (the broker's wall clock, same JVM,
 * so the same clock). The latency of a row is append time minus commit time.
 *
 * <p>Why these two instants: a row cannot be decoded before its transaction commits, so the commit is the honest
 * start (a {@code clock_timestamp()} column would be taken at INSERT, before the commit, and would charge the
 * connector for the transaction's own duration). The commit acknowledgement reaches the inserter a little after
 * the WAL is flushed, so this start is, if anything, late by a loopback round trip: it flatters the connector by
 * well under a millisecond. The broker's append time is when the record is in Kafka; a consumer's receive time would
 * add the consumer's own fetch wait.
 */
final class LatencyBook {

    private final long[] commitMicros;
    private long lastId;

    LatencyBook(int capacity) {
        commitMicros = new long[capacity + 1];
        Arrays.fill(commitMicros, -1);
    }

    /** Rows {@code firstId..lastId} committed (one transaction) at {@code micros} since the epoch. */
    void committed(long firstId, long lastId, long micros) {
        if (lastId >= commitMicros.length) {
            throw new IllegalArgumentException("Row " + lastId + " is beyond the book's " + (commitMicros.length - 1));
        }
        for (long id = firstId; id <= lastId; id++) {
            commitMicros[(int) id] = micros;
        }
        this.lastId = Math.max(this.lastId, lastId);
    }

    /** The highest id committed so far. */
    long lastId() {
        return lastId;
    }

    /** Latency figures of the rows committed at or after {@code fromMicros} (to leave a warm-up out). */
    Summary summarize(long[] ids, long[] appendMillis, long fromMicros) {
        if (ids.length != appendMillis.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + appendMillis.length + " append times");
        }
        long[] latencies = new long[ids.length];
        int n = 0;
        long worst = Long.MIN_VALUE;
        long worstCommitted = fromMicros;
        int over250 = 0;
        for (int i = 0; i < ids.length; i++) {
            long id = ids[i];
            long committed = id > 0 && id < commitMicros.length ? commitMicros[(int) id] : -1;
            if (committed < 0) {
                throw new IllegalStateException("Row " + id + " is in Kafka but was never committed by the inserter");
            }
            if (committed >= fromMicros) {
                long latency = appendMillis[i] * 1_000 - committed;
                latencies[n++] = latency;
                if (latency > worst) {
                    worst = latency;
                    worstCommitted = committed;
                }
                if (latency > 250_000) {
                    over250++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalStateException("No rows committed after the warm-up: run longer (-Dduration.s)");
        }
        long[] measured = Arrays.copyOf(latencies, n);
        return new Summary(n, millis(Stats.percentile(measured, 50)), millis(Stats.percentile(measured, 99)),
                millis(Stats.percentile(measured, 100)), (worstCommitted - fromMicros) / 1e6, 100.0 * over250 / n);
    }

    private static double millis(long micros) {
        return micros / 1_000.0;
    }

    /**
     * Nearest-rank percentiles, in milliseconds; when the slowest row was committed (seconds after the warm-up), and
     * the share of rows slower than 250 ms (the p99 goal), in percent: a stall shows as one late second.
     */
    record Summary(int samples, double p50Ms, double p99Ms, double maxMs, double worstAtSeconds,
            double over250MsPercent) {
    }
}
