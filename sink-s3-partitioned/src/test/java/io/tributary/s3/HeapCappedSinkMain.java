package io.tributary.s3;

import io.tributary.testkit.task.StubSinkTaskContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Drives one sink task through many open time partitions in a JVM started with a small heap (by
 * {@link HeapCappedSinkTest}), then prints what it wrote and its peak heap. Arguments: the task config as key=value.
 */
public final class HeapCappedSinkMain {

    static final int PARTITIONS = 50;
    static final int PATHS_PER_PARTITION = 20;
    static final int RECORDS_PER_PARTITION = 1_000;
    private static final String PAD = "x".repeat(150);
    /** How long the uploads may take once every record was put; {@link HeapCappedSinkTest} waits longer. */
    static final Duration DRAIN_DEADLINE = Duration.ofMinutes(10);

    private HeapCappedSinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> props = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            props.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:00:00Z"));
        Set<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition("wide", p)).collect(Collectors.toSet());
        StubSinkTaskContext context = new StubSinkTaskContext(props, false);
        S3SinkTask task = new S3SinkTask(null, clock, S3SinkTask.UPLOAD_THREADS);
        task.initialize(context);
        task.start(props);
        context.assign(partitions);
        task.open(partitions);
        long written = 0;
        for (int offset = 0; offset < RECORDS_PER_PARTITION; offset += 10) {
            List<SinkRecord> batch = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                for (int o = offset; o < offset + 10; o++) {
                    batch.add(record(p, o));
                }
            }
            task.put(batch);
            written += batch.size();
        }
        // put() hands batches to the task's writer thread; preCommit waits until it took them all, so every file is
        // open before the clock moves past its scheduled rotation.
        task.preCommit(Map.of());
        clock.advance(Duration.ofHours(2));
        // Uploads run in the background: tick as the worker would until they are done. The deadline only ends a drain
        // that hangs: on a 2-core machine a healthy one took 68 s idle and up to 113 s with both cores busy, too
        // close to the two minutes this used to allow.
        long unflushed = PARTITIONS;
        long drainStarted = System.nanoTime();
        for (long deadline = drainStarted + DRAIN_DEADLINE.toNanos();
                unflushed > 0 && System.nanoTime() < deadline; ) {
            task.put(List.of());
            unflushed = task.preCommit(Map.of()).values().stream()
                    .filter(offset -> offset.offset() != RECORDS_PER_PARTITION).count();
            if (unflushed > 0) {
                Thread.sleep(50);
            }
        }
        task.stop();
        System.out.println("RESULT records=" + written + " partitions_behind=" + unflushed + " peak_heap_mb="
                + peakHeapBytes() / (1024 * 1024) + " drain_ms=" + (System.nanoTime() - drainStarted) / 1_000_000);
    }

    private static SinkRecord record(int partition, int offset) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", (long) partition * RECORDS_PER_PARTITION + offset);
        value.put("region", "r" + offset % PATHS_PER_PARTITION);
        value.put("pad", PAD);
        return new SinkRecord("wide", partition, null, null, null, value, offset, 0L, TimestampType.CREATE_TIME);
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
