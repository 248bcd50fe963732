package io.tributary.benchmarks.s3;

/** What one contestant moved in how long, per task: {@code bytes} are the object bytes it wrote to S3. */
public record Throughput(long records, long bytes, long nanos, int tasks) {

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

    public double seconds() {
        return nanos / 1e9;
    }

    /** This rate over {@code ceiling}'s, by records per second. */
    public double ratioTo(Throughput ceiling) {
        return recordsPerSecondPerTask() / ceiling.recordsPerSecondPerTask();
    }
}
