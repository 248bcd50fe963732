package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.CpuClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.data.Struct;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ceiling: the same records, already in memory as Connect Structs, encoded with the same format library and
 * uploaded with plain {@code PutObject}s of the raw AWS SDK, in the same objects as the sink's (same flush.size).
 * One thread per sink task, each taking the partitions a task would own, one object after another, as a task does.
 */
final class CeilingUploader {

    /** Partition p's values by offset, built before the clock starts. */
    static List<List<Struct>> valuesByPartition(ObjectPlan plan) {
        List<List<Struct>> partitions = new ArrayList<>(plan.partitions());
        for (int p = 0; p < plan.partitions(); p++) {
            List<Struct> values = new ArrayList<>((int) plan.recordsPerPartition());
            for (long offset = 0; offset < plan.recordsPerPartition(); offset++) {
                values.add(BenchRecords.value(plan.idAt(p, offset)));
            }
            partitions.add(values);
        }
        return partitions;
    }

    private CeilingUploader() {
    }

    /** Uploads every object of {@code plan} to {@code bucket} under {@code prefix} and times it. */
    static Throughput run(S3Client s3, String bucket, String prefix, String topic, ObjectPlan plan, int tasks,
            BenchFormat format, List<List<Struct>> values) throws InterruptedException {
        AtomicLong bytes = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        long cpuStarted = CpuClock.nanos();
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                int task = t;
                work.add(threads.submit(() -> {
                    for (int p = task; p < plan.partitions(); p += tasks) {
                        for (ObjectPlan.Chunk chunk : plan.chunks(p)) {
                            List<Struct> slice = values.get(p).subList((int) chunk.startOffset(),
                                    (int) chunk.startOffset() + chunk.count());
                            byte[] object = format.encode(slice);
                            String key = key(prefix, topic, chunk, format);
                            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(object));
                            bytes.addAndGet(object.length);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : work) {
                task.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("The ceiling failed to upload", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        long nanos = System.nanoTime() - started;
        return new Throughput(plan.records(), bytes.get(), nanos, tasks, CpuClock.nanos() - cpuStarted);
    }

    /** Laid out as the sink lays out its objects (one hour of record time, so one time partition). */
    static String key(String prefix, String topic, ObjectPlan.Chunk chunk, BenchFormat format) {
        return String.format("%s/dt=2026-03-04/hour=05/%s+%d+%019d.%s", prefix, topic, chunk.partition(),
                chunk.startOffset(), format.configValue());
    }
}
