package io.tributary.s3;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import io.tributary.s3.metrics.S3SinkMetrics;
import io.tributary.s3.storage.ObjectStore;
import io.tributary.s3.storage.S3Clients;
import io.tributary.s3.storage.StorageException;
import io.tributary.s3.writer.ErrantRecords;
import io.tributary.s3.writer.MemoryBudget;
import io.tributary.s3.writer.PartitionWriters;
import io.tributary.s3.writer.TaskWriters;
import io.tributary.s3.writer.TopicPartitionWriter;

/** Writes its topic partitions' records to S3, one exactly-once {@link TopicPartitionWriter} per partition. */
public class S3SinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(S3SinkTask.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(10);
    /** Uploads of different partitions run side by side on this many threads, while the writer thread encodes. */
    static final int UPLOAD_THREADS = 4;
    private static final AtomicInteger TASKS = new AtomicInteger();
    /** The task's number among its connector's tasks, set by {@link S3SinkConnector#taskConfigs}. */
    static final String TASK_ID = "tributary.task.id";

    private final ObjectStore injectedStore;
    private final Clock clock;
    private final int uploadThreads;
    private ObjectStore store;
    private ExecutorService uploads;
    private TaskWriters writers;
    private S3SinkMetrics metrics;
    /** Reports made on the task thread since put() last returned: the worker awaits those of put() itself. */
    private final List<Future<Void>> reports = new ArrayList<>();

    public S3SinkTask() {
        this(null, Clock.systemUTC(), UPLOAD_THREADS);
    }

    /** For tests: a store (the task does not close it), a clock that drives wall-clock time, uploads in put(). */
    S3SinkTask(ObjectStore store, Clock clock) {
        this(store, clock, 0);
    }

    /** {@code uploadThreads} 0 writes and commits files on the task thread, inside put() and preCommit(). */
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
        int task = TASKS.incrementAndGet();
        uploads = uploadThreads > 0 ? uploadExecutor(task, uploadThreads) : null;
        Executor commits = uploads != null ? uploads : Runnable::run;
        MemoryBudget budget = new MemoryBudget(config.bufferMemoryBytes(Runtime.getRuntime().maxMemory()));
        // With upload threads, the partitions are also written (placed, encoded) on a thread of their own.
        writers = new TaskWriters(errant -> new PartitionWriters(config, store, clock, errant, commits), budget,
                errantRecords(), context::offset, uploads != null ? "s3-sink-task-" + task + "-writer" : null);
        metrics = S3SinkMetrics.register(props.getOrDefault("name", "s3-sink"),
                props.getOrDefault(TASK_ID, "instance-" + task), writers.counters(), budget);
        LOG.info("S3 sink task writing to s3://{}/{} as {}, buffering at most {} bytes", config.bucket(),
                config.topicsDir(), config.pathTemplate(), budget.limitBytes());
    }

    private static ExecutorService uploadExecutor(int task, int threads) {
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
        return (record, error) -> reports.add(reporter.report(record, error));
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        writers.open(partitions);
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            writers.put(records);
            reports.clear(); // the worker awaits every report before it commits offsets
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

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
        writers.durableOffsets().forEach((tp, offset) -> durable.put(tp, new OffsetAndMetadata(offset)));
        // Records reported here skip past offsets about to be committed: they must be in the dead-letter queue first.
        for (Future<Void> report : reports) {
            try {
                report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reporting errant records", e);
            } catch (ExecutionException e) {
                throw new ConnectException("Could not report an errant record: " + e.getCause(), e.getCause());
            }
        }
        reports.clear();
        return durable;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        writers.close(partitions);
    }

    @Override
    public void stop() {
        if (metrics != null) {
            metrics.close();
            metrics = null;
        }
        if (writers != null) {
            writers.stop(REQUEST_TIMEOUT.toMillis());
            writers = null;
        }
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
