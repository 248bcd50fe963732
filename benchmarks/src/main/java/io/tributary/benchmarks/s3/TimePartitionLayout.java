package io.tributary.benchmarks.s3;

import java.time.Duration;

/**
 * How s3-memory keeps {@code partitions x paths} time partitions open at once: offset {@code o} of every topic
 * partition falls in hour {@code o % paths} (of {@link BenchRecords#BASE_MILLIS}'s day, from hour 0), so each
 * partition's records cycle through all its hourly paths ({@code dt=.../hour=HH}) over and over, and record ids
 * follow {@link ObjectPlan}.
 */
public record TimePartitionLayout(long records, int partitions, int paths) {

    static final long HOUR_MS = Duration.ofHours(1).toMillis();

    public TimePartitionLayout {
        if (paths < 1 || paths > 24) {
            throw new IllegalArgumentException("Hourly paths of one day: 1 to 24, not " + paths);
        }
        if (records % partitions != 0) {
            throw new IllegalArgumentException(records + " records do not divide into " + partitions + " partitions");
        }
        if (records / partitions / paths >= HOUR_MS) {
            throw new IllegalArgumentException("Too many records to keep 1 ms apart within an hour");
        }
    }

    public long recordsPerPartition() {
        return records / partitions;
    }

    public int openTimePartitions() {
        return partitions * paths;
    }

    public long idAt(int partition, long offset) {
        return offset * partitions + partition;
    }

    /** The record time of {@code offset}: its hour, plus one millisecond per earlier visit to that hour. */
    public long timestampMillis(long offset) {
        long dayStart = BenchRecords.BASE_MILLIS - BenchRecords.BASE_MILLIS % (24 * HOUR_MS);
        return dayStart + (offset % paths) * HOUR_MS + offset / paths;
    }
}
