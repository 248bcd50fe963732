package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.CpuBreakdown;
import io.tributary.benchmarks.CpuClock;
import io.tributary.benchmarks.HeapWatcher;
import io.tributary.benchmarks.Result;
import io.tributary.testkit.Await;
import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.s3.S3Server;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 sink throughput against its ceiling, per format, on one S3 server: {@code records} records in Kafka (see
 * {@link ValueFormat}) are consumed by the packaged sink until every object is in S3 and its manifests say every
 * record is durable; the ceiling encodes the same records from memory with the same library and PUTs the same objects
 * with the raw SDK. The sink is timed in its steady state, as the ceiling is: its connector is created on an empty
 * topic, paused once its tasks own every partition, and resumed when the clock starts, after the records were
 * produced; connector start-up and the consumer group's join are not timed (they are printed).
 */
public final class S3ThroughputBenchmark implements BenchmarkCase {

    static final String TOPIC = "orders";
    static final String WARMUP_TOPIC = "orders-warmup";
    static final Duration STALL = Duration.ofSeconds(120);
    private static final String NOT_MEASURED = "NA";

    private final ObjectPlan plan;
    /** Records each contestant writes, uncounted, before its timed run; none when null. */
    private final ObjectPlan warmupPlan;
    private final int tasks;
    private final List<BenchFormat> formats;
    private final ValueFormat valueFormat;

    S3ThroughputBenchmark(ObjectPlan plan, ObjectPlan warmupPlan, int tasks, List<BenchFormat> formats,
            ValueFormat valueFormat) {
        if (plan.partitions() < tasks) {
            throw new IllegalArgumentException(tasks + " tasks need at least as many partitions, not "
                    + plan.partitions());
        }
        this.plan = plan;
        this.warmupPlan = warmupPlan;
        this.tasks = tasks;
        this.formats = formats;
        this.valueFormat = valueFormat;
    }

    /**
     * From {@code -Drecords} (1000000), {@code -Dpartitions} (4), {@code -Dtasks} (1), {@code -Dflush.size} (10000),
     * {@code -Dformats} (jsonl,parquet), {@code -Dconverter} (payload; or json), {@code -Dwarmup.records}
     * (min(records, 500000), rounded down to whole rounds of objects; 0 for none).
     */
    public static S3ThroughputBenchmark fromSystemProperties() {
        long records = Long.getLong("records", 1_000_000);
        int partitions = Integer.getInteger("partitions", 4);
        ObjectPlan plan = ObjectPlan.fitting(records, partitions, Integer.getInteger("flush.size", 10_000));
        List<BenchFormat> formats = Arrays.stream(System.getProperty("formats", "jsonl,parquet").split(","))
                .map(BenchFormat::parse).toList();
        // Whole objects of the timed run's size, so that every warm-up file closes by flush.size.
        long objectRecords = (long) plan.partitions() * plan.flushSize();
        long warmupObjects = Long.getLong("warmup.records", Math.min(records, 500_000)) / objectRecords;
        ObjectPlan warmupPlan = warmupObjects <= 0 ? null
                : new ObjectPlan(warmupObjects * objectRecords, partitions, plan.flushSize());
        return new S3ThroughputBenchmark(plan, warmupPlan, Integer.getInteger("tasks", 1), formats,
                ValueFormat.parse(System.getProperty("converter", "payload")));
    }

    @Override
    public String name() {
        return "s3-throughput";
    }

    @Override
    public Result run() throws Exception {
        Map<BenchFormat, Figures> figures = new EnumMap<>(BenchFormat.class);
        long kafkaBytes;
        Throughput framework;
        ConnectCluster.Builder builder = ConnectCluster.builder()
                .pluginModules("sink-s3-partitioned")
                .workerProperty("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        valueFormat.configureWorker(builder::workerProperty);
        try (S3Server server = S3Server.start();
                ConnectCluster cluster = builder.start();
                S3Client s3 = BenchS3.client(server)) {
            server.createBucket(BenchS3.BUCKET);
            kafkaBytes = -1;
            for (BenchFormat format : formats) {
                String unsupported = unsupported(cluster, server, format);
                if (unsupported != null) {
                    System.err.printf("%s: %s not measured: the packaged sink rejects format=%s (%s)%n", name(),
                            format.configValue(), format.configValue(), unsupported);
                    continue;
                }
                if (warmupPlan != null) {
                    // Both contestants run once on fewer records first, so that neither is timed on a cold JVM.
                    Run warmup = new Run(WARMUP_TOPIC + "-" + format.configValue(), warmupPlan, "warmup-");
                    sink(cluster, server, s3, format, warmup);
                    ceiling(s3, format, warmup);
                }
                Run timed = new Run(TOPIC + "-" + format.configValue(), plan, "");
                Measured sink = sink(cluster, server, s3, format, timed);
                kafkaBytes = sink.kafkaBytes();
                Measured ceiling = ceiling(s3, format, timed);
                figures.put(format, new Figures(sink, ceiling));
            }
            framework = framework(cluster);
        }
        return result(kafkaBytes, figures, framework);
    }

    /** Why the packaged sink's validation rejects {@code format}, or null when it takes it. */
    private String unsupported(ConnectCluster cluster, S3Server server, BenchFormat format) {
        Map<String, List<String>> errors = cluster.validationErrors(BenchS3.CONNECTOR_CLASS,
                connectorConfig(server, format, new Run(TOPIC, plan, "")));
        List<String> formatErrors = errors.get("format");
        return formatErrors == null || formatErrors.isEmpty() ? null : String.join("; ", formatErrors);
    }

    /** One contestant's run: records of {@code topic} as {@code plan} lays them out, objects under {@code prefix}. */
    private record Run(String topic, ObjectPlan plan, String prefix) {
        boolean warmup() {
            return !prefix.isEmpty();
        }
    }

    Map<String, String> connectorConfig(S3Server server, BenchFormat format, Run run) {
        Map<String, String> config = new HashMap<>(BenchS3.storeConfig(server));
        config.put("connector.class", BenchS3.CONNECTOR_CLASS);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", run.topic());
        config.put("topics.dir", run.prefix() + sinkDir(format));
        config.put("format", format.configValue());
        config.put("flush.size", Integer.toString(run.plan().flushSize()));
        config.put("timestamp.extractor", "Record");
        return config;
    }

    private static String sinkDir(BenchFormat format) {
        return "sink-" + format.configValue();
    }

    /**
     * From resuming the connector (created on the empty topic, paused once its tasks own every partition, the records
     * then produced) until its tasks' metrics say every object is in S3 ({@link SinkProgress}); then checks the
     * listing holds every object and the manifests say every record is durable.
     */
    private Measured sink(ConnectCluster cluster, S3Server server, S3Client s3, BenchFormat format, Run run)
            throws InterruptedException {
        String connector = run.prefix() + "s3-" + format.configValue();
        SinkOutput output = new SinkOutput(s3, run.prefix() + sinkDir(format));
        ObjectPlan plan = run.plan();
        Loaded loaded = startPausedAndLoad(cluster, connector, connectorConfig(server, format, run), run);
        long startupNanos = loaded.startupNanos();
        long kafkaBytes = loaded.kafkaBytes();
        long nanos;
        long firstObjectNanos;
        long peakHeap;
        long cpuNanos;
        String cpuUse;
        try (HeapWatcher heap = HeapWatcher.start()) {
            CpuBreakdown cpu = CpuBreakdown.start();
            long cpuStarted = CpuClock.nanos();
            long started = System.nanoTime();
            cluster.embedded().resumeConnector(connector);
            SinkProgress.Progress progress = SinkProgress.awaitObjects(connector, plan.objects(), STALL,
                    () -> status(cluster, connector));
            nanos = progress.doneNanos() - started;
            cpuNanos = CpuClock.nanos() - cpuStarted;
            firstObjectNanos = progress.firstNanos() - started;
            peakHeap = heap.peakBytes();
            cpuUse = cpu.perRecord(plan.records());
        }
        long durable = output.durableRecords(run.topic(), plan.partitions());
        if (durable != plan.records()) {
            throw new IllegalStateException("Every object of " + connector + " is in S3 but its manifests hold "
                    + durable + " of " + plan.records() + " records");
        }
        cluster.deleteConnector(connector);
        Await.until(() -> cluster.status(connector).isEmpty(), ConnectCluster.DEFAULT_TIMEOUT,
                () -> "connector " + connector + " is still there");
        SinkOutput.Objects objects = output.objects();
        if (objects.count() != plan.objects()) {
            throw new IllegalStateException(connector + " wrote " + objects.count() + " objects, not the "
                    + plan.objects() + " that flush.size makes of " + plan.records() + " records");
        }
        long lost = -1;
        long duplicates = -1;
        if (format == BenchFormat.JSONL && !run.warmup()) {
            IdTally tally = output.tallyJsonLines(objects, plan.records());
            lost = tally.lost();
            duplicates = tally.duplicates() + tally.unexpected();
        }
        Throughput throughput = new Throughput(plan.records(), objects.bytes(), nanos, tasks, cpuNanos);
        report(run.prefix() + "sink", format, throughput, objects.count(), peakHeap);
        System.err.printf(Locale.ROOT, "%s %s sink: start-up until every partition was assigned %.2f s (not timed); "
                + "first object %.2f s after resuming%n", name(), format.configValue(), startupNanos / 1e9,
                firstObjectNanos / 1e9);
        System.err.printf("%s %s %ssink: %s%n", name(), format.configValue(), run.prefix(), cpuUse);
        return new Measured(throughput, objects.count(), peakHeap, lost, duplicates, firstObjectNanos / 1_000_000,
                kafkaBytes);
    }

    /** The connector's start-up until its tasks owned every partition, and the value bytes then produced. */
    private record Loaded(long startupNanos, long kafkaBytes) {
    }

    /**
     * Creates {@code connector} on {@code run}'s new, empty topic, pauses it once its tasks own every partition, and
     * produces the run's records: resuming it starts the steady state.
     */
    private Loaded startPausedAndLoad(ConnectCluster cluster, String connector, Map<String, String> config, Run run)
            throws InterruptedException {
        ObjectPlan plan = run.plan();
        cluster.kafka().createTopic(run.topic(), plan.partitions(), 1, Map.of("retention.ms", "-1"));
        long created = System.nanoTime();
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, tasks);
        SinkGroup.awaitAssigned(cluster.bootstrapServers(), connector, run.topic(), plan.partitions(), STALL);
        long startupNanos = System.nanoTime() - created;
        cluster.embedded().pauseConnector(connector);
        Await.until(() -> cluster.status(connector).map(s -> s.connector().state().equals("PAUSED")
                && s.tasks().stream().allMatch(t -> t.state().equals("PAUSED"))).orElse(false),
                ConnectCluster.DEFAULT_TIMEOUT, () -> status(cluster, connector));
        long loadStarted = System.nanoTime();
        long kafkaBytes = TopicLoader.load(cluster.bootstrapServers(), run.topic(), plan, valueFormat);
        System.err.printf(Locale.ROOT, "%s: %d records (%d value bytes) in %s after %.1f s%n", name(),
                plan.records(), kafkaBytes, run.topic(), (System.nanoTime() - loadStarted) / 1e9);
        return new Loaded(startupNanos, kafkaBytes);
    }

    /**
     * Connect alone: the same records through the same converter into {@link CountingSinkTask}, timed the same way
     * until every record was handed over; what the framework costs any sink.
     */
    private Throughput framework(ConnectCluster cluster) throws InterruptedException {
        String connector = "framework";
        Run run = new Run(TOPIC + "-framework", plan, "");
        Map<String, String> config = Map.of("connector.class", CountingSinkConnector.class.getName(),
                "tasks.max", Integer.toString(tasks), "topics", run.topic());
        startPausedAndLoad(cluster, connector, config, run);
        CountingSinkTask.RECORDS.set(0);
        CpuBreakdown cpu = CpuBreakdown.start();
        long cpuStarted = CpuClock.nanos();
        long started = System.nanoTime();
        cluster.embedded().resumeConnector(connector);
        long lastProgress = started;
        long last = 0;
        while (CountingSinkTask.RECORDS.get() < plan.records()) {
            long now = System.nanoTime();
            long count = CountingSinkTask.RECORDS.get();
            if (count != last) {
                last = count;
                lastProgress = now;
            } else if (now - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("The counting sink took " + count + " of " + plan.records()
                        + " records and has not moved for " + STALL + "; " + status(cluster, connector));
            }
            Thread.sleep(5);
        }
        long nanos = System.nanoTime() - started;
        Throughput throughput = new Throughput(plan.records(), 0, nanos, tasks, CpuClock.nanos() - cpuStarted);
        System.err.printf("%s framework: %s%n", name(), cpu.perRecord(plan.records()));
        cluster.deleteConnector(connector);
        System.err.printf(Locale.ROOT, "%s framework (Connect into a counting sink): %d records, %.2f s, "
                + "%.0f records/s/task, %.2f CPU s per million records%n", name(), throughput.records(),
                throughput.seconds(), throughput.recordsPerSecondPerTask(), throughput.cpuSecondsPerMillionRecords());
        return throughput;
    }

    private Measured ceiling(S3Client s3, BenchFormat format, Run run) throws InterruptedException {
        ObjectPlan plan = run.plan();
        List<List<Struct>> values = CeilingUploader.valuesByPartition(plan);
        Throughput throughput;
        long peakHeap;
        try (HeapWatcher heap = HeapWatcher.start()) {
            CpuBreakdown cpu = CpuBreakdown.start();
            throughput = CeilingUploader.run(s3, run.prefix() + "ceiling-" + format.configValue(), run.topic(), plan,
                    tasks, format, values);
            peakHeap = heap.peakBytes();
            System.err.printf("%s %s %sceiling: %s%n", name(), format.configValue(), run.prefix(),
                    cpu.perRecord(plan.records()));
        }
        report(run.prefix() + "ceiling", format, throughput, plan.objects(), peakHeap);
        return new Measured(throughput, plan.objects(), peakHeap, 0, 0, 0, 0);
    }

    private void report(String contestant, BenchFormat format, Throughput t, long objects, long peakHeap) {
        System.err.printf(Locale.ROOT, "%s %s %s: %d records in %d objects, %.2f s, %.0f records/s/task, "
                + "%.2f MB/s/task, peak heap %d MB, %.2f CPU s per million records%n", name(), format.configValue(),
                contestant, t.records(), objects, t.seconds(), t.recordsPerSecondPerTask(),
                t.mebibytesPerSecondPerTask(), peakHeap >> 20, t.cpuSecondsPerMillionRecords());
    }

    private static String status(ConnectCluster cluster, String connector) {
        return cluster.status(connector).map(s -> "connector " + s.connector().state() + ", tasks "
                + s.tasks().stream().map(t -> t.state() + (t.trace() == null ? "" : " " + t.trace())).toList())
                .orElse("connector " + connector + " has no status");
    }

    private Result result(long kafkaBytes, Map<BenchFormat, Figures> figures, Throughput framework) {
        Result result = new Result(name())
                .put("records", plan.records())
                .put("partitions", plan.partitions())
                .put("tasks", tasks)
                .put("flush_size", plan.flushSize())
                .putText("converter", valueFormat.id())
                .put("kafka_value_bytes_per_record", (double) kafkaBytes / plan.records())
                .put("framework_records_per_s_per_task", framework.recordsPerSecondPerTask())
                .put("framework_cpu_s_per_m_records", framework.cpuSecondsPerMillionRecords());
        for (BenchFormat format : BenchFormat.values()) {
            Figures f = figures.get(format);
            String prefix = format.configValue() + "_";
            if (f == null) {
                for (String key : List.of("records_per_s_per_task", "mb_per_s_per_task",
                        "ceiling_records_per_s_per_task", "ceiling_mb_per_s_per_task", "peak_heap_mb",
                        "ceiling_peak_heap_mb", "cpu_s_per_m_records", "ceiling_cpu_s_per_m_records", "objects",
                        "first_object_ms", "lost_records", "duplicates")) {
                    result.putText(prefix + key, NOT_MEASURED);
                }
                continue;
            }
            result.put(prefix + "records_per_s_per_task", f.sink().throughput().recordsPerSecondPerTask())
                    .put(prefix + "mb_per_s_per_task", f.sink().throughput().mebibytesPerSecondPerTask())
                    .put(prefix + "ceiling_records_per_s_per_task", f.ceiling().throughput().recordsPerSecondPerTask())
                    .put(prefix + "ceiling_mb_per_s_per_task", f.ceiling().throughput().mebibytesPerSecondPerTask())
                    .put(prefix + "peak_heap_mb", f.sink().peakHeapBytes() >> 20)
                    .put(prefix + "ceiling_peak_heap_mb", f.ceiling().peakHeapBytes() >> 20)
                    .put(prefix + "cpu_s_per_m_records", f.sink().throughput().cpuSecondsPerMillionRecords())
                    .put(prefix + "ceiling_cpu_s_per_m_records",
                            f.ceiling().throughput().cpuSecondsPerMillionRecords())
                    .put(prefix + "objects", f.sink().objects())
                    .put(prefix + "first_object_ms", f.sink().firstObjectMs());
            putCount(result, prefix + "lost_records", f.sink().lost());
            putCount(result, prefix + "duplicates", f.sink().duplicates());
        }
        for (BenchFormat format : BenchFormat.values()) {
            Figures f = figures.get(format);
            String key = format.configValue() + "_ratio_vs_ceiling";
            if (f == null) {
                result.putText(key, NOT_MEASURED);
            } else {
                result.put(key, f.sink().throughput().ratioTo(f.ceiling().throughput()));
            }
        }
        return result;
    }

    /** A count, or NA where it was not taken (-1: Parquet objects are not read back). */
    private static void putCount(Result result, String key, long count) {
        if (count < 0) {
            result.putText(key, NOT_MEASURED);
        } else {
            result.put(key, count);
        }
    }

    /**
     * {@code firstObjectMs}: from resuming the connector until the first object was listed; {@code kafkaBytes}: the
     * values' bytes in Kafka (sink only).
     */
    private record Measured(Throughput throughput, long objects, long peakHeapBytes, long lost, long duplicates,
            long firstObjectMs, long kafkaBytes) {
    }

    private record Figures(Measured sink, Measured ceiling) {
    }
}
