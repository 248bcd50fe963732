package io.tributary.s3.writer;

import java.util.concurrent.atomic.LongAdder;

/** What a task has made durable in S3; read by its JMX metrics. */
public final class WriteCounters {

    private final LongAdder objects = new LongAdder();
    private final LongAdder records = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** A data file is in S3 (uploaded, or found there already holding the same bytes). */
    void committed(FileRange file, long fileBytes) {
        objects.increment();
        records.add(file.count());
        bytes.add(fileBytes);
    }

    public long objects() {
        return objects.sum();
    }

    public long records() {
        return records.sum();
    }

    public long bytes() {
        return bytes.sum();
    }
}
