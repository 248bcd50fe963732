package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.CpuBreakdown;
import io.tributary.benchmarks.CpuClock;
import io.tributary.benchmarks.GrowingCount;
import io.tributary.benchmarks.HeapWatcher;
import io.tributary.benchmarks.Result;
import io.tributary.testkit.Await;
import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.s3.S3Server;
import java.time.Duration;
import java.util.ArrayList;
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
 * with the raw SDK. The sink is timed in its steady state, as the ceiling is: its topic holds warm-up records,
 * {@code windows} rounds of the timed records and a tail, in that order in every partition; the connector is created
 * on it and runs through all of them without a pause, and each window's clock runs from the commit of the object
 * before it to the commit of as many objects again as the timed records make. Start-up, the consumer group's join
 * and the warm-up are not timed (they are printed); the tail keeps the sink as busy at the last window's end as at
 * its start. The ceiling runs the warm-up and then the timed records {@code windows} times. Each contestant's figures
 * are those of its median window.
 */
public final class S3ThroughputBenchmark implements BenchmarkCase {

    static final String TOPIC = "orders";
    static final Duration STALL = Duration.ofSeconds(120);
    private static final String NOT_MEASURED = "NA";

    /** Records each contestant writes, uncounted, before its timed run (ids from 0). */
    private final ObjectPlan warmupPlan;
    /** The first window's timed records: ids after the warm-up's. */
    private final ObjectPlan plan;
    /** Every window's records, one after another: the first is {@link #plan}. */
    private final List<ObjectPlan> windows;
    private final int tasks;
    private final List<BenchFormat> formats;
    private final ValueFormat valueFormat;

    S3ThroughputBenchmark(ObjectPlan warmupPlan, long records, int windows, int tasks, List<BenchFormat> formats,
            ValueFormat valueFormat) {
        if (warmupPlan.partitions() < tasks) {
            throw new IllegalArgumentException(tasks + " tasks need at least as many partitions, not "
                    + warmupPlan.partitions());
        }
        if (windows < 1) {
            throw new IllegalArgumentException("At least one timed window, not " + windows);
        }
        this.warmupPlan = warmupPlan;
        List<ObjectPlan> planned = new ArrayList<>();
        ObjectPlan last = warmupPlan;
        for (int i = 0; i < windows; i++) {
            last = last.followedBy(records);
            planned.add(last);
        }
        this.windows = List.copyOf(planned);
        this.plan = planned.get(0);
        this.tasks = tasks;
        this.formats = formats;
        this.valueFormat = valueFormat;
    }

    /**
     * From {@code -Drecords} (1000000), {@code -Dpartitions} (4), {@code -Dtasks} (1), {@code -Dflush.size} (10000),
     * {@code -Dformats} (jsonl,parquet), {@code -Dconverter} (payload; or json), {@code -Dwarmup.records}
     * (min(records, 500000), rounded down to whole objects per partition, at least one), {@code -Dwindows} (3).
     */
    public static S3ThroughputBenchmark fromSystemProperties() {
        long records = Long.getLong("records", 1_000_000);
        int partitions = Integer.getInteger("partitions", 4);
        ObjectPlan fitted = ObjectPlan.fitting(records, partitions, Integer.getInteger("flush.size", 10_000));
        List<BenchFormat> formats = Arrays.stream(System.getProperty("formats", "jsonl,parquet").split(","))
                .map(BenchFormat::parse).toList();
        // Whole objects of the timed run's size, so that every warm-up file closes by flush.size; at least one per
        // partition, whose last commit starts the clock.
        long objectRecords = (long) fitted.partitions() * fitted.flushSize();
        long warmupObjects = Math.max(1,
                Long.getLong("warmup.records", Math.min(records, 500_000)) / objectRecords);
        ObjectPlan warmupPlan = new ObjectPlan(warmupObjects * objectRecords, partitions, fitted.flushSize());
        return new S3ThroughputBenchmark(warmupPlan, fitted.records(), Integer.getInteger("windows", 3),
                Integer.getInteger("tasks", 1), formats, ValueFormat.parse(System.getProperty("converter", "payload")));
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
            kafkaBytes = -1;
            for (BenchFormat format : formats) {
                // A bucket per contestant and format: the S3 server's work per new key grows with the keys in its
                // bucket (it rewrites the bucket's key index), which S3's does not; no contestant pays for another's.
                server.createBucket(sinkBucket(format));
                server.createBucket(ceilingBucket(format));
                String unsupported = unsupported(cluster, server, format);
                if (unsupported != null) {
                    System.err.printf("%s: %s not measured: the packaged sink rejects format=%s (%s)%n", name(),
                            format.configValue(), format.configValue(), unsupported);
                    continue;
                }
                // Both contestants write the warm-up records first, so that neither is timed on a cold JVM: the sink
                // in the same run as its timed records, the ceiling in a run of its own.
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
    }

    Map<String, String> connectorConfig(S3Server server, BenchFormat format, Run run) {
        Map<String, String> config = new HashMap<>(BenchS3.storeConfig(server, sinkBucket(format)));
        config.put("connector.class", BenchS3.CONNECTOR_CLASS);
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", run.topic());
        config.put("topics.dir", run.prefix() + sinkDir(format));
        config.put("format", format.configValue());
        config.put("flush.size", Integer.toString(run.plan().flushSize()));
        config.put("timestamp.extractor", "Record");
        return config;
    }

    private static String sinkBucket(BenchFormat format) {
        return "sink-" + format.configValue();
    }

    private static String ceilingBucket(BenchFormat format) {
        return "ceiling-" + format.configValue();
    }

    private static String sinkDir(BenchFormat format) {
        return "sink-" + format.configValue();
    }

    /**
     * Loads the warm-up, the windows' and the tail's records, creates the connector and times each window from the
     * commit of the object before it until as many more objects as the timed records make are committed, by its tasks'
     * metrics ({@link SinkProgress}); once the tail is in too, checks the listing holds every object and the manifests
     * say every record is durable.
     */
    private Measured sink(ConnectCluster cluster, S3Server server, S3Client s3, BenchFormat format, Run run)
            throws InterruptedException {
        String connector = "s3-" + format.configValue();
        SinkOutput output = new SinkOutput(s3, sinkBucket(format), sinkDir(format));
        long kafkaBytes = loadStream(cluster, run.topic(), windows);
        ObjectPlan tail = tailAfter(windows.get(windows.size() - 1));
        long warmupObjects = warmupPlan.objects();
        long timedObjects = plan.objects();
        long created = System.nanoTime();
        cluster.configureConnector(connector, connectorConfig(server, format, run));
        SinkProgress.Progress warmup = SinkProgress.awaitObjects(connector, 0, warmupObjects, STALL,
                () -> status(cluster, connector));
        SinkProgress.Progress before = warmup;
        List<TimedWindow> measured = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            long from = warmupObjects + i * timedObjects;
            SinkProgress.Progress done;
            long cpuNanos;
            long peakHeap;
            String cpuUse;
            try (HeapWatcher heap = HeapWatcher.start()) {
                CpuBreakdown cpu = CpuBreakdown.start();
                long cpuStarted = CpuClock.nanos();
                done = SinkProgress.awaitObjects(connector, from, from + timedObjects, STALL,
                        () -> status(cluster, connector));
                cpuNanos = CpuClock.nanos() - cpuStarted;
                peakHeap = heap.peakBytes();
                cpuUse = cpu.perRecord(plan.records());
            }
            TimedWindow window = new TimedWindow(i + 1, new Throughput(plan.records(), done.bytes() - before.bytes(),
                    done.doneNanos() - before.doneNanos(), tasks, cpuNanos), peakHeap, cpuUse);
            measured.add(window);
            before = done;
        }
        long allObjects = tail.endId() / plan.flushSize();
        SinkProgress.awaitObjects(connector, warmupObjects + windows.size() * timedObjects, allObjects, STALL,
                () -> status(cluster, connector));
        long durable = output.durableRecords(run.topic(), plan.partitions());
        if (durable != tail.endId()) {
            throw new IllegalStateException("Every object of " + connector + " is in S3 but its manifests hold "
                    + durable + " of " + tail.endId() + " records");
        }
        cluster.deleteConnector(connector);
        Await.until(() -> cluster.status(connector).isEmpty(), ConnectCluster.DEFAULT_TIMEOUT,
                () -> "connector " + connector + " is still there");
        SinkOutput.Objects objects = output.objects();
        if (objects.count() != allObjects) {
            throw new IllegalStateException(connector + " wrote " + objects.count() + " objects, not the "
                    + allObjects + " that flush.size makes of " + tail.endId() + " records");
        }
        // every record the connector wrote, warm-up and tail included
        IdTally tally = output.tally(format, objects, tail.endId());
        long lost = tally.lost();
        long duplicates = tally.duplicates() + tally.unexpected();
        long firstObjectNanos = warmup.firstNanos() - created;
        System.err.printf(Locale.ROOT, "%s %s sink: first object %.2f s after creating the connector, warm-up's "
                + "%d objects %.2f s after (not timed)%n", name(), format.configValue(), firstObjectNanos / 1e9,
                warmupObjects, (warmup.doneNanos() - warmup.firstNanos()) / 1e9);
        TimedWindow median = report("sink", format, measured, timedObjects);
        return new Measured(median.throughput(), timedObjects, median.peakHeapBytes(), lost, duplicates,
                firstObjectNanos / 1_000_000, kafkaBytes, TimedWindow.rates(measured));
    }

    /** Prints every window of {@code contestant} and returns the median one, by records per second. */
    private TimedWindow report(String contestant, BenchFormat format, List<TimedWindow> measured, long objects) {
        String label = name() + " " + format.configValue() + " " + contestant;
        for (TimedWindow window : measured) {
            System.err.println(window.describe(label, objects));
        }
        TimedWindow median = TimedWindow.median(measured);
        System.err.printf("%s: median window %d%n", label, median.number());
        return median;
    }

    /**
     * Creates {@code topic} and produces the warm-up records, those of {@code timed} and a tail of one object per
     * partition into it, in that order in every partition; returns the first timed plan's value bytes.
     */
    private long loadStream(ConnectCluster cluster, String topic, List<ObjectPlan> timed)
            throws InterruptedException {
        cluster.kafka().createTopic(topic, plan.partitions(), 1, Map.of("retention.ms", "-1"));
        long started = System.nanoTime();
        TopicLoader.load(cluster.bootstrapServers(), topic, warmupPlan, valueFormat);
        long kafkaBytes = -1;
        for (ObjectPlan window : timed) {
            long bytes = TopicLoader.load(cluster.bootstrapServers(), topic, window, valueFormat);
            kafkaBytes = kafkaBytes < 0 ? bytes : kafkaBytes;
        }
        ObjectPlan tail = tailAfter(timed.get(timed.size() - 1));
        TopicLoader.load(cluster.bootstrapServers(), topic, tail, valueFormat);
        System.err.printf(Locale.ROOT, "%s: %d warm-up, %d x %d timed (%d value bytes each) and %d tail records in %s "
                + "after %.1f s%n", name(), warmupPlan.records(), timed.size(), plan.records(), kafkaBytes,
                tail.records(), topic, (System.nanoTime() - started) / 1e9);
        return kafkaBytes;
    }

    /** The uncounted records after {@code last}: one object per partition. */
    private static ObjectPlan tailAfter(ObjectPlan last) {
        return last.followedBy((long) last.partitions() * last.flushSize());
    }

    /**
     * Connect alone: the same records through the same converter into {@link CountingSinkTask}, timed the same way,
     * from the warm-up's last record handed over until the timed records' last; what the framework costs any sink.
     */
    private Throughput framework(ConnectCluster cluster) throws InterruptedException {
        String connector = "framework";
        String topic = TOPIC + "-framework";
        loadStream(cluster, topic, List.of(plan));
        CountingSinkTask.RECORDS.set(0);
        cluster.configureConnector(connector, Map.of("connector.class", CountingSinkConnector.class.getName(),
                "tasks.max", Integer.toString(tasks), "topics", topic));
        long started = awaitCounted(warmupPlan.records(), cluster, connector);
        CpuBreakdown cpu = CpuBreakdown.start();
        long cpuStarted = CpuClock.nanos();
        long nanos = awaitCounted(plan.endId(), cluster, connector) - started;
        Throughput throughput = new Throughput(plan.records(), 0, nanos, tasks, CpuClock.nanos() - cpuStarted);
        System.err.printf("%s framework: %s%n", name(), cpu.perRecord(plan.records()));
        cluster.deleteConnector(connector);
        System.err.printf(Locale.ROOT, "%s framework (Connect into a counting sink): %d records, %.2f s, "
                + "%.0f records/s/task, %.2f CPU s per million records%n", name(), throughput.records(),
                throughput.seconds(), throughput.recordsPerSecondPerTask(), throughput.cpuSecondsPerMillionRecords());
        return throughput;
    }

    /** Waits until the counting sink has taken {@code records}; returns {@link System#nanoTime()} then. */
    private long awaitCounted(long records, ConnectCluster cluster, String connector) throws InterruptedException {
        return GrowingCount.await(CountingSinkTask.RECORDS::get, records, 5, STALL, count -> "The counting sink took "
                + count + " of " + records + " records and has not moved for " + STALL + "; "
                + status(cluster, connector));
    }

    /**
     * The ceiling's warm-up run, then its timed run {@code windows} times on the first window's records (the same
     * ids as the sink's first window).
     */
    private Measured ceiling(S3Client s3, BenchFormat format, Run run) throws InterruptedException {
        ceilingRun(s3, format, new Run(run.topic(), warmupPlan, "warmup-"),
                CeilingUploader.valuesByPartition(warmupPlan), 0);
        List<List<Struct>> values = CeilingUploader.valuesByPartition(plan);
        List<TimedWindow> measured = new ArrayList<>();
        for (int i = 1; i <= windows.size(); i++) {
            measured.add(ceilingRun(s3, format, new Run(run.topic(), plan, "window-" + i + "-"), values, i));
        }
        TimedWindow median = report("ceiling", format, measured, plan.objects());
        return new Measured(median.throughput(), plan.objects(), median.peakHeapBytes(), 0, 0, 0, 0,
                TimedWindow.rates(measured));
    }

    /**
     * One run of the ceiling on {@code run}'s records ({@code values}, built before): window {@code number}, or the
     * warm-up for 0.
     */
    private TimedWindow ceilingRun(S3Client s3, BenchFormat format, Run run, List<List<Struct>> values, int number)
            throws InterruptedException {
        ObjectPlan plan = run.plan();
        try (HeapWatcher heap = HeapWatcher.start()) {
            CpuBreakdown cpu = CpuBreakdown.start();
            Throughput throughput = CeilingUploader.run(s3, ceilingBucket(format),
                    run.prefix() + "ceiling-" + format.configValue(), run.topic(), plan, tasks, format, values);
            TimedWindow window = new TimedWindow(number, throughput, heap.peakBytes(), cpu.perRecord(plan.records()));
            if (number == 0) {
                System.err.printf(Locale.ROOT, "%s %s ceiling warm-up: %d records, %.2f s, %.0f records/s/task "
                        + "(not timed)%n", name(), format.configValue(), plan.records(), throughput.seconds(),
                        throughput.recordsPerSecondPerTask());
            }
            return window;
        }
    }

    private static String status(ConnectCluster cluster, String connector) {
        return cluster.status(connector).map(s -> "connector " + s.connector().state() + ", tasks "
                + s.tasks().stream().map(t -> t.state() + (t.trace() == null ? "" : " " + t.trace())).toList())
                .orElse("connector " + connector + " has no status");
    }

    private Result result(long kafkaBytes, Map<BenchFormat, Figures> figures, Throughput framework) {
        Result result = new Result(name())
                .put("records", plan.records())
                .put("windows", windows.size())
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
                        "ceiling_records_per_s_per_task", "ceiling_mb_per_s_per_task", "records_per_s_windows",
                        "ceiling_records_per_s_windows", "peak_heap_mb",
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
                    .putText(prefix + "records_per_s_windows", f.sink().windowRates())
                    .putText(prefix + "ceiling_records_per_s_windows", f.ceiling().windowRates())
                    .put(prefix + "peak_heap_mb", f.sink().peakHeapBytes() >> 20)
                    .put(prefix + "ceiling_peak_heap_mb", f.ceiling().peakHeapBytes() >> 20)
                    .put(prefix + "cpu_s_per_m_records", f.sink().throughput().cpuSecondsPerMillionRecords())
                    .put(prefix + "ceiling_cpu_s_per_m_records",
                            f.ceiling().throughput().cpuSecondsPerMillionRecords())
                    .put(prefix + "objects", f.sink().objects())
                    .put(prefix + "first_object_ms", f.sink().firstObjectMs())
                    .put(prefix + "lost_records", f.sink().lost())
                    .put(prefix + "duplicates", f.sink().duplicates());
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

    /**
     * The median window's figures; {@code firstObjectMs}: from creating the connector until its first object was
     * committed; {@code kafkaBytes}: a window's value bytes in Kafka (sink only); {@code windowRates}: every window's
     * records per second and task.
     */
    private record Measured(Throughput throughput, long objects, long peakHeapBytes, long lost, long duplicates,
            long firstObjectMs, long kafkaBytes, String windowRates) {
    }

    private record Figures(Measured sink, Measured ceiling) {
    }
}
