package io.tributary.benchmarks.s3;

/**
 * What one contestant moved in how long, per task: {@code bytes} are the object bytes it wrote to S3, {@code cpuNanos}
 * the CPU time the machine spent meanwhile in the benchmark's processes ({@link io.tributary.benchmarks.CpuClock}).
 */
public record Throughput(long records, long bytes, long nanos, int tasks, long cpuNanos) {

    public Throughput {
        if (nanos <= 0 || tasks <= 0) {
            throw new IllegalArgumentException("Not a measurement: " + nanos + " ns, " + tasks + " tasks");
        }
    }

    public double recordsPerSecondPerTask() {
        return records * 1e9 / nanos / tasks;
    }

    /** Mebibytes (2^20 bytes) of object data per second and task. */
    public double mebibytesPerSecondPerTask() {
        return bytes * 1e9 / nanos / tasks / (1024.0 * 1024.0);
    }

    /** CPU seconds per million records. */
    public double cpuSecondsPerMillionRecords() {
        return cpuNanos / 1e9 / (records / 1e6);
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** This rate over {@code ceiling}'s, by records per second. */
    public double ratioTo(Throughput ceiling) {
        return recordsPerSecondPerTask() / ceiling.recordsPerSecondPerTask();
    }
}
