package io.tributary.s3;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Uploads of different partitions run side by side on this many threads, while the task thread encodes. */
    static final int UPLOAD_THREADS = 4;
    private static final AtomicInteger TASKS = new AtomicInteger();

    private final ObjectStore injectedStore;
    private final Clock clock;
    private final int uploadThreads;
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    private ObjectStore store;
    private ExecutorService uploads;
    private PartitionWriters factory;
    private MemoryBudget budget;

    public S3SinkTask() {
        this(null, Clock.systemUTC(), UPLOAD_THREADS);
    }

    /** For tests: a store (the task does not close it), a clock that drives wall-clock time, uploads in put(). */
    S3SinkTask(ObjectStore store, Clock clock) {
        this(store, clock, 0);
    }

    /** {@code uploadThreads} 0 commits files on the task thread, inside put() and preCommit(). */
    S3SinkTask(ObjectStore store, Clock clock, int uploadThreads) {
        this.injectedStore = store;
        this.clock = clock;
        this.uploadThreads = uploadThreads;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        S3SinkConnectorConfig config = new S3SinkConnectorConfig(props);
        store = injectedStore != null ? injectedStore : S3Clients.store(config, REQUEST_TIMEOUT, uploadThreads);
        uploads = uploadThreads > 0 ? uploadExecutor(uploadThreads) : null;
        factory = new PartitionWriters(config, store, clock, errantRecords(),
                uploads != null ? uploads : Runnable::run);
        budget = new MemoryBudget(config.bufferMemoryBytes(Runtime.getRuntime().maxMemory()));
        LOG.info("S3 sink task writing to s3://{}/{} as {}, buffering at most {} bytes", config.bucket(),
                config.topicsDir(), config.pathTemplate(), budget.limitBytes());
    }

    private static ExecutorService uploadExecutor(int threads) {
        int task = TASKS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "s3-sink-task-" + task + "-upload-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
            writers.values().forEach(TopicPartitionWriter::tick);
            budget.enforce(writers.values());
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
        if (uploads != null) {
            // Let commits already under way finish (their manifests make them safe either way) before the client goes.
            uploads.shutdown();
            try {
                if (!uploads.awaitTermination(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("Uploads still running after {} ms; stopping anyway (the next owner rebuilds or "
                            + "verifies their files from the manifest)", REQUEST_TIMEOUT.toMillis());
                    uploads.shutdownNow();
                }
            } catch (InterruptedException e) {
                uploads.shutdownNow();
                Thread.currentThread().interrupt();
            }
            uploads = null;
        }
        if (store != null && store != injectedStore) {
            store.close();
        }
        store = null;
    }
}
