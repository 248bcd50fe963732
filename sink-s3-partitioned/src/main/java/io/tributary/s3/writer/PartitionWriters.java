package io.tributary.s3.writer;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

import org.apache.kafka.common.TopicPartition;

import io.tributary.s3.config.S3SinkConnectorConfig;
import io.tributary.s3.format.RecordFormat;
import io.tributary.s3.partition.RecordPartitioner;
import io.tributary.s3.partition.TimestampExtractor;
import io.tributary.s3.storage.ObjectStore;

/** Makes the writer of each topic partition a task is assigned, sharing one store, clock and format. */
public final class PartitionWriters {

    private final WriterSettings settings;
    private final RecordPartitioner partitioner;
    private final RecordFormat format;
    private final ObjectStore store;
    private final Clock clock;
    private final ErrantRecords errant;
    private final Executor uploads;
    private final WriteCounters counters = new WriteCounters();

    /** {@code uploads} runs the writers' commits of closed files. */
    public PartitionWriters(S3SinkConnectorConfig config, ObjectStore store, Clock clock, ErrantRecords errant,
                            Executor uploads) {
        this.settings = WriterSettings.of(config);
        this.partitioner = new RecordPartitioner(
                TimestampExtractor.of(config.timestampSource(), config.timestampField(), config.zone(), clock),
                config.pathTemplate(), config.zone(), config.partitionDurationMs());
        this.format = RecordFormat.of(config);
        this.store = store;
        this.clock = clock;
        this.errant = errant;
        this.uploads = uploads;
    }

    /** A new writer for {@code tp}; {@code seek} rewinds that partition's consumer. */
    public TopicPartitionWriter create(TopicPartition tp, LongConsumer seek) {
        return new TopicPartitionWriter(tp, settings, partitioner, format, store, clock, errant, seek, uploads,
                counters);
    }

    /** What the writers made durable and hold; shared by every writer this factory made. */
    public WriteCounters counters() {
        return counters;
    }
}
