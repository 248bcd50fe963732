package io.tributary.s3.writer;

import org.apache.kafka.connect.sink.SinkRecord;

/** Where records that cannot be written go (the dead-letter queue); throwing instead stops the task. */
@FunctionalInterface
public interface ErrantRecords {

    void report(SinkRecord record, Exception error);
}
