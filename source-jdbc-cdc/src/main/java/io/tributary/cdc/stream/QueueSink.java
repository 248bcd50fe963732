package io.tributary.cdc.stream;

import java.util.function.BooleanSupplier;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * Puts records into the {@link RecordQueue}. When it marks transaction boundaries it holds the newest record back, so
 * that the last record of each source transaction is queued already marked as the end of a Kafka transaction.
 */
final class QueueSink implements StreamingHandler.Sink {

    private final RecordQueue queue;
    private final boolean markBoundaries;
    private final BooleanSupplier running;
    private SourceRecord held;

    QueueSink(RecordQueue queue, boolean markBoundaries, BooleanSupplier running) {
        this.queue = queue;
        this.markBoundaries = markBoundaries;
        this.running = running;
    }

    @Override
    public void accept(SourceRecord record) throws InterruptedException {
        if (!markBoundaries) {
            queue.put(record, false, running);
            return;
        }
        if (held != null) {
            queue.put(held, false, running);
        }
        held = record;
    }

    @Override
    public void transactionEnd() throws InterruptedException {
        if (held != null) {
            queue.put(held, true, running);
            held = null;
        }
    }
}
