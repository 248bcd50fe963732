package io.tributary.cdc.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The bounded hand-off between the reader thread and {@code poll()}. The reader waits when it is full; a reader
 * failure is reported by the next poll that finds the queue empty, so records read before it are not lost.
 */
public final class RecordQueue {

    private static final long OFFER_WAIT_MS = 100;

    /** A record, and whether the Kafka transaction commits after it (connector-defined boundaries). */
    public record Queued(SourceRecord record, boolean endsTransaction) {
    }

    private final BlockingQueue<Queued> queue;
    private volatile Throwable failure;

    public RecordQueue(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Adds a record, waiting for room while {@code running}; false when stopped before there was room. */
    public boolean put(SourceRecord record, boolean endsTransaction, BooleanSupplier running)
            throws InterruptedException {
        Queued entry = new Queued(record, endsTransaction);
        while (running.getAsBoolean()) {
            if (queue.offer(entry, OFFER_WAIT_MS, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code max} records, waiting at most {@code wait} for the first; empty when none came. */
    public List<Queued> poll(int max, Duration wait) throws InterruptedException {
        Queued first = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            Throwable cause = failure;
            if (cause != null) {
                throw cause instanceof ConnectException connect ? connect
                        : new ConnectException("The change reader failed: " + cause.getMessage(), cause);
            }
            return List.of();
        }
        List<Queued> batch = new ArrayList<>(Math.min(max, queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, max - 1);
        return batch;
    }

    public void fail(Throwable cause) {
        failure = cause;
    }

    public int remainingCapacity() {
        return queue.remainingCapacity();
    }
}
