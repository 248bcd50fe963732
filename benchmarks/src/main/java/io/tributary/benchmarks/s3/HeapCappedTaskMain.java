package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.HeapWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * The child JVM of s3-memory (started with a capped heap by {@link S3MemoryBenchmark}): drives one packaged S3 sink
 * task, loaded from the plugin's jars on this JVM's classpath through its public constructor, as a worker would. Puts
 * every record of a {@link TimePartitionLayout} in batches of 10 offsets of every partition, so all time partitions
 * are open at once; calls {@code preCommit} every second, as a worker does on its commit interval; then keeps ticking
 * until every offset is durable (the wall-clock rotation closes the last files) or the deadline passes. Prints one
 * line {@code CHILD key=value ...}.
 *
 * <p>Arguments: records, partitions, paths, deadline seconds, then the task config as key=value.
 */
public final class HeapCappedTaskMain {

    static final String TOPIC = "wide";
    static final String TASK_CLASS = "io.tributary.s3.S3SinkTask";
    private static final int OFFSETS_PER_BATCH = 10;
    private static final long COMMIT_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private HeapCappedTaskMain() {
    }

    public static void main(String[] args) throws Exception {
        TimePartitionLayout layout = new TimePartitionLayout(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        Duration deadline = Duration.ofSeconds(Long.parseLong(args[3]));
        Map<String, String> props = new HashMap<>();
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Set<TopicPartition> partitions = IntStream.range(0, layout.partitions())
                .mapToObj(p -> new TopicPartition(TOPIC, p)).collect(Collectors.toSet());
        DrivenTaskContext context = new DrivenTaskContext(props);
        SinkTask task = (SinkTask) Class.forName(TASK_CLASS).getConstructor().newInstance();
        try (HeapWatcher heap = HeapWatcher.start()) {
            task.initialize(context);
            task.start(props);
            context.assign(partitions);
            task.open(partitions);

            long started = System.nanoTime();
            long lastCommit = started;
            Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
            for (long offset = 0; offset < layout.recordsPerPartition(); offset += OFFSETS_PER_BATCH) {
                long end = Math.min(layout.recordsPerPartition(), offset + OFFSETS_PER_BATCH);
                List<SinkRecord> batch = new ArrayList<>();
                for (int p = 0; p < layout.partitions(); p++) {
                    for (long o = offset; o < end; o++) {
                        batch.add(record(layout, p, o));
                    }
                    consumed.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(end));
                }
                task.put(batch);
                if (System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
                    task.preCommit(consumed);
                    lastCommit = System.nanoTime();
                }
            }
            long putNanos = System.nanoTime() - started;

            long durable = durable(task.preCommit(consumed));
            long waitUntil = System.nanoTime() + deadline.toNanos();
            while (durable < layout.records() && System.nanoTime() < waitUntil) {
                Thread.sleep(500);
                task.put(List.of());
                durable = durable(task.preCommit(consumed));
            }
            long drainNanos = System.nanoTime() - started - putNanos;
            task.close(partitions);
            task.stop();
            System.out.printf("CHILD records=%d durable_records=%d rewinds=%d put_ms=%d drain_ms=%d peak_heap_mb=%d "
                    + "peak_live_heap_mb=%d%n", layout.records(), durable, context.rewinds(), putNanos / 1_000_000,
                    drainNanos / 1_000_000, heap.peakBytes() >> 20, heap.peakAfterGcBytes() >> 20);
        }
        System.exit(0);
    }

    private static SinkRecord record(TimePartitionLayout layout, int partition, long offset) {
        return new SinkRecord(TOPIC, partition, null, null, BenchRecords.SCHEMA,
                BenchRecords.value(layout.idAt(partition, offset)), offset, layout.timestampMillis(offset),
                TimestampType.CREATE_TIME);
    }

    private static long durable(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
}
