package io.tributary.s3.writer;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Errant records found on the writer thread, held until the task thread reports them: Connect's reporter (and the
 * exception that stops the task when there is none) belongs to the task thread.
 */
final class ErrantQueue implements ErrantRecords {

    private record Errant(SinkRecord record, Exception error) {
    }

    private final Queue<Errant> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void report(SinkRecord record, Exception error) {
        queue.add(new Errant(record, error));
    }

    /** Hands every held record to {@code target}, in the order they were found. */
    void drainTo(ErrantRecords target) {
        for (Errant errant = queue.poll(); errant != null; errant = queue.poll()) {
            target.report(errant.record(), errant.error());
        }
    }
}
