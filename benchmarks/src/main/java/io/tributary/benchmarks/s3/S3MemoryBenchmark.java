package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.Result;
import io.tributary.testkit.ProjectLayout;
import io.tributary.testkit.s3.S3Server;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bounded memory: one packaged S3 sink task, in a child JVM whose heap is capped ({@code -Xmx256m}), takes
 * {@code partitions x paths} time partitions open at once (50 x 20 hourly paths by default) with the sink's
 * {@code buffer.memory.bytes} budget; afterwards every object is read back and every record id counted.
 */
public final class S3MemoryBenchmark implements BenchmarkCase {

    static final String MODULE = "sink-s3-partitioned";
    static final String TOPICS_DIR = "memory";
    /** What the child needs besides the plugin: the Connect API the worker would provide, and logging. */
    static final List<String> PROVIDED_JARS = List.of("connect-api-", "kafka-clients-", "slf4j-api-",
            "slf4j-simple-");

    private final TimePartitionLayout layout;
    private final int heapMb;
    private final long bufferMemoryBytes;
    private final long scheduleMs;
    private final List<String> jvmOptions;
    private final BenchFormat format;
    private final long drainSeconds;

    S3MemoryBenchmark(TimePartitionLayout layout, int heapMb, long bufferMemoryBytes, long scheduleMs,
            List<String> jvmOptions, BenchFormat format, long drainSeconds) {
        this.format = format;
        this.drainSeconds = drainSeconds;
        this.layout = layout;
        this.heapMb = heapMb;
        this.bufferMemoryBytes = bufferMemoryBytes;
        this.scheduleMs = scheduleMs;
        this.jvmOptions = jvmOptions;
    }

    /**
     * From {@code -Drecords} (500000), {@code -Dpartitions} (50), {@code -Dpaths} (20), {@code -Dheap.mb} (256),
     * {@code -Dbuffer.memory.bytes} (64 MiB), {@code -Dschedule.ms} (30000), {@code -Dchild.jvm.opts},
     * {@code -Dformat} (jsonl), {@code -Ddrain.s} (how long the child waits after the last put for every record to be
     * durable; max(60, twice the schedule)).
     */
    public static S3MemoryBenchmark fromSystemProperties() {
        TimePartitionLayout layout = new TimePartitionLayout(Long.getLong("records", 500_000),
                Integer.getInteger("partitions", 50), Integer.getInteger("paths", 20));
        String options = System.getProperty("child.jvm.opts", "").trim();
        long scheduleMs = Long.getLong("schedule.ms", 30_000);
        return new S3MemoryBenchmark(layout, Integer.getInteger("heap.mb", 256),
                Long.getLong("buffer.memory.bytes", 64L * 1024 * 1024), scheduleMs,
                options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+")),
                BenchFormat.parse(System.getProperty("format", "jsonl")),
                Long.getLong("drain.s", Math.max(60, 2 * scheduleMs / 1000)));
    }

    @Override
    public String name() {
        return "s3-memory";
    }

    @Override
    public Result run() throws Exception {
        try (S3Server server = S3Server.start()) {
            server.createBucket(BenchS3.BUCKET);
            Path log = Files.createTempFile("tributary-s3-memory-", ".log");
            Process child = new ProcessBuilder(command(server)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadlineSeconds = Math.max(600, layout.records() / 500);
            boolean finished = child.waitFor(deadlineSeconds + drainSeconds + 60, TimeUnit.SECONDS);
            if (!finished) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            Map<String, String> figures = childFigures(output);
            boolean outOfMemory = output.contains("java.lang.OutOfMemoryError");
            System.err.printf(Locale.ROOT, "%s: child %s (exit %s), output in %s: %s%n", name(),
                    finished ? "finished" : "timed out", finished ? child.exitValue() : "-", log,
                    figures.isEmpty() ? "no CHILD line" : figures);

            try (S3Client s3 = BenchS3.client(server)) {
                SinkOutput written = new SinkOutput(s3, BenchS3.BUCKET, TOPICS_DIR);
                SinkOutput.Objects objects = written.objects();
                IdTally tally = written.tally(format, objects, layout.records());
                System.err.printf(Locale.ROOT, "%s: %d objects, %d bytes, %d records read back%n", name(),
                        objects.count(), objects.bytes(), tally.lines());
                return new Result(name())
                        .putText("format", format.configValue())
                        .put("records", layout.records())
                        .put("partitions", layout.partitions())
                        .put("open_time_partitions", layout.openTimePartitions())
                        .put("heap_cap_mb", heapMb)
                        .put("buffer_memory_mb", bufferMemoryBytes >> 20)
                        .putText("child_exit", finished ? Integer.toString(child.exitValue()) : "timeout")
                        .putText("oom", Boolean.toString(outOfMemory))
                        .put("objects", objects.count())
                        .putText("put_ms", figures.getOrDefault("put_ms", "NA"))
                        .putText("drain_ms", figures.getOrDefault("drain_ms", "NA"))
                        .putText("durable_records", figures.getOrDefault("durable_records", "NA"))
                        .put("duplicates", tally.duplicates() + tally.unexpected())
                        .putText("peak_live_heap_mb", figures.getOrDefault("peak_live_heap_mb", "NA"))
                        .putText("peak_heap_mb", figures.getOrDefault("peak_heap_mb", "NA"))
                        .put("lost_records", tally.lost());
            }
        }
    }

    List<String> command(S3Server server) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", childClasspath(), HeapCappedTaskMain.class.getName(),
                Long.toString(layout.records()), Integer.toString(layout.partitions()),
                Integer.toString(layout.paths()), Long.toString(drainSeconds)));
        Map<String, String> config = new HashMap<>(BenchS3.storeConfig(server));
        config.put("topics", HeapCappedTaskMain.TOPIC);
        config.put("topics.dir", TOPICS_DIR);
        config.put("format", format.configValue());
        config.put("timestamp.extractor", "Record");
        config.put("path.format", "dt=yyyy-MM-dd/hour=HH");
        // Files close by the budget and the wall-clock schedule only: no count, interval or grace rotation.
        config.put("flush.size", Long.toString(layout.records()));
        config.put("rotate.schedule.interval.ms", Long.toString(scheduleMs));
        config.put("buffer.memory.bytes", Long.toString(bufferMemoryBytes));
        config.forEach((k, v) -> command.add(k + "=" + v));
        return command;
    }

    /**
     * This harness's classes, the Connect API and logging jars the worker would provide (from this JVM's classpath)
     * and the packaged plugin's {@code lib/} jars, so the task runs on what ships, not on the build's classes.
     */
    private static String childClasspath() throws IOException, URISyntaxException {
        List<String> entries = new ArrayList<>();
        entries.add(Paths.get(HeapCappedTaskMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Paths.get(entry).getFileName().toString();
            if (PROVIDED_JARS.stream().anyMatch(file::startsWith) && file.endsWith(".jar")
                    && !file.endsWith("-test.jar")) {
                entries.add(entry);
            }
        }
        Path lib = ProjectLayout.pluginDirectory(ProjectLayout.module(MODULE)).resolve("lib");
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> entries.add(p.toString()));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The {@code key=value} pairs of the child's {@code CHILD} line, empty if it printed none. */
    static Map<String, String> childFigures(String output) {
        Map<String, String> figures = new HashMap<>();
        output.lines().filter(line -> line.startsWith("CHILD ")).findFirst().ifPresent(line -> {
            for (String pair : line.substring("CHILD ".length()).trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    figures.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        });
        return figures;
    }
}
