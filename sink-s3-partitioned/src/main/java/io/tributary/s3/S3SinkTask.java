package io.tributary.s3;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.common.Version;
import io.tributary.s3.config.S3SinkConnectorConfig;
import io.tributary.s3.storage.ObjectStore;
import io.tributary.s3.storage.S3Clients;
import io.tributary.s3.storage.StorageException;
import io.tributary.s3.writer.ErrantRecords;
import io.tributary.s3.writer.MemoryBudget;
import io.tributary.s3.writer.PartitionWriters;
import io.tributary.s3.writer.TopicPartitionWriter;

/** Writes its topic partitions' records to S3, one exactly-once {@link TopicPartitionWriter} per partition. */
public class S3SinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(S3SinkTask.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);

    private final ObjectStore injectedStore;
    private final Clock clock;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private ObjectStore store;
    private PartitionWriters factory;
    private MemoryBudget budget;

    public S3SinkTask() {
        this(null, Clock.systemUTC());
    }

    /** For tests: a store (the task does not close it) and a clock that drives wall-clock time. */
    S3SinkTask(ObjectStore store, Clock clock) {
        this.injectedStore = store;
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        S3SinkConnectorConfig config = new S3SinkConnectorConfig(props);
        store = injectedStore != null ? injectedStore : S3Clients.store(config, REQUEST_TIMEOUT);
        factory = new PartitionWriters(config, store, clock, errantRecords());
        budget = new MemoryBudget(config.bufferMemoryBytes());
        LOG.info("S3 sink task writing to s3://{}/{} as {}", config.bucket(), config.topicsDir(),
                config.pathTemplate());
    }

    private ErrantRecords errantRecords() {
        ErrantRecordReporter reporter = context.errantRecordReporter();
        if (reporter == null) {
            return (record, error) -> {
                throw new ConnectException("Cannot write record " + record.topic() + "-" + record.kafkaPartition()
                        + "@" + record.kafkaOffset() + ": " + error.getMessage() + ". To send such records to a "
                        + "dead-letter queue instead, set errors.tolerance=all and errors.deadletterqueue.topic.name",
                        error);
            };
        }
        return reporter::report;
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            TopicPartitionWriter writer = factory.create(tp, offset -> context.offset(tp, offset));
            writers.put(tp, writer);
            writer.open();
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            SinkRecord previous = null;
            TopicPartitionWriter writer = null;
            for (SinkRecord record : records) {
                // Batches come in runs of one partition: look the writer up once per run.
                if (previous == null || previous.kafkaPartition().intValue() != record.kafkaPartition()
                        || !previous.topic().equals(record.topic())) {
                    writer = writerOf(record);
                }
                writer.write(record);
                previous = record;
            }
            budget.enforce(writers.values());
            writers.values().forEach(TopicPartitionWriter::tick);
        } catch (StorageException e) {
            if (e.reason() != StorageException.Reason.UNAVAILABLE) {
                throw e;
            }
            // The writers keep what failed pending and skip records they already took when the worker redelivers.
            LOG.warn("S3 is unavailable after every retry; the worker will redeliver this batch in {} ms: {}",
                    OUTAGE_BACKOFF.toMillis(), e.getMessage());
            context.timeout(OUTAGE_BACKOFF.toMillis());
            throw new RetriableException(e.getMessage(), e);
        }
    }

    private TopicPartitionWriter writerOf(SinkRecord record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.kafkaPartition());
        TopicPartitionWriter writer = writers.get(tp);
        if (writer == null) {
            throw new ConnectException("Received a record of " + tp + ", which this task was not assigned");
        }
        return writer;
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
        for (Map.Entry<TopicPartition, TopicPartitionWriter> entry : writers.entrySet()) {
            try {
                entry.getValue().tick();
            } catch (StorageException e) {
                if (e.reason() != StorageException.Reason.UNAVAILABLE) {
                    throw e;
                }
                LOG.warn("{}: S3 is unavailable; committing the offsets that are already durable: {}",
                        entry.getKey(), e.getMessage());
            }
            OptionalLong offset = entry.getValue().durableOffset();
            if (offset.isPresent()) {
                durable.put(entry.getKey(), new OffsetAndMetadata(offset.getAsLong()));
            }
        }
        return durable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            TopicPartitionWriter writer = writers.remove(tp);
            if (writer != null) {
                writer.close();
            }
        }
    }

    @Override
    public void stop() {
        writers.values().forEach(TopicPartitionWriter::close);
        writers.clear();
        if (store != null && store != injectedStore) {
            store.close();
        }
        store = null;
    }
}
