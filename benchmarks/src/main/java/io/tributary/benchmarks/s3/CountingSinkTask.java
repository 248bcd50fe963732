package io.tributary.benchmarks.s3;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** Counts the records Connect hands it, in a counter the harness in the same JVM reads; keeps nothing else. */
public final class CountingSinkTask extends SinkTask {

    static final AtomicLong RECORDS = new AtomicLong();

    @Override
    public String version() {
        return "benchmark";
    }

    @Override
    public void start(Map<String, String> props) {
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        RECORDS.addAndGet(records.size());
    }

    @Override
    public void stop() {
    }
}
