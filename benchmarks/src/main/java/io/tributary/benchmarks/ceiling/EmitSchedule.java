package io.tributary.benchmarks.ceiling;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * When the ceiling emits each row at a steady rate: transactions of {@code transactionRows} rows, the k-th (from 0)
 * due {@code k * transactionRows / rate} seconds after the start, as the latency case's inserter commits them. The
 * harness books each row's due instant as its commit instant, so the ceiling's latency is measured exactly as a CDC
 * connector's.
 */
public record EmitSchedule(long startMicros, int rate, int transactionRows, long firstId) {

    public EmitSchedule {
        if (rate <= 0 || transactionRows <= 0 || firstId <= 0) {
            throw new IllegalArgumentException("Need rate > 0, transaction rows > 0 and first id > 0");
        }
    }

    /** The wall clock in microseconds since the epoch: the clock of commit instants and of broker append times. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }

    /** The instant (microseconds since the epoch) the transaction holding row {@code id} is due. */
    public long dueMicros(long id) {
        long transaction = (id - firstId) / transactionRows;
        return startMicros + transaction * transactionRows * 1_000_000L / rate;
    }

    /** The last row due at {@code nowMicros} (whole transactions), or {@code firstId - 1} before the start. */
    public long lastDueId(long nowMicros) {
        if (nowMicros < startMicros) {
            return firstId - 1;
        }
        // The largest k with floor(k * rows * 1e6 / rate) <= elapsed, plus one: the same rounding as dueMicros.
        long elapsed = nowMicros - startMicros;
        long transactions = ((elapsed + 1) * rate - 1) / (transactionRows * 1_000_000L) + 1;
        return firstId + transactions * transactionRows - 1;
    }
}
