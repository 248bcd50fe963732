package io.tributary.benchmarks.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * Which record goes where: record {@code id} is produced to partition {@code id % partitions}, so partition
 * {@code p} holds ids {@code p, p + partitions, ...} at offsets 0, 1, ...; each partition's records are cut into
 * objects of {@code flushSize} records, as the sink's {@code flush.size} cuts them. The ceiling uploads the same
 * objects.
 */
public record ObjectPlan(long records, int partitions, int flushSize) {

    /** One object: {@code count} records of {@code partition} from {@code startOffset}. */
    public record Chunk(int partition, long startOffset, int count) {
    }

    public ObjectPlan {
        if (records <= 0 || partitions <= 0 || flushSize <= 0) {
            throw new IllegalArgumentException("records, partitions and flush.size must be positive");
        }
        if (records % partitions != 0) {
            throw new IllegalArgumentException(records + " records do not divide into " + partitions
                    + " partitions: pick a multiple");
        }
        if ((records / partitions) % flushSize != 0) {
            // The sink closes a file at flush.size records; a shorter last file would wait for a wall-clock rotation.
            throw new IllegalArgumentException((records / partitions) + " records per partition are not a multiple "
                    + "of flush.size " + flushSize + ": pick records = partitions x flush.size x n");
        }
    }

    /** flush.size that fits {@code preferred} records: the largest divisor of the per-partition count not above it. */
    public static ObjectPlan fitting(long records, int partitions, int preferredFlushSize) {
        long perPartition = records / partitions;
        int flush = (int) Math.min(preferredFlushSize, perPartition);
        while (flush > 1 && perPartition % flush != 0) {
            flush--;
        }
        return new ObjectPlan(records, partitions, Math.max(1, flush));
    }

    public long recordsPerPartition() {
        return records / partitions;
    }

    public static int partitionOf(long id, int partitions) {
        return (int) (id % partitions);
    }

    public long idAt(int partition, long offset) {
        return offset * partitions + partition;
    }

    /** The objects of {@code partition}, in offset order. */
    public List<Chunk> chunks(int partition) {
        List<Chunk> chunks = new ArrayList<>();
        for (long start = 0; start < recordsPerPartition(); start += flushSize) {
            chunks.add(new Chunk(partition, start, (int) Math.min(flushSize, recordsPerPartition() - start)));
        }
        return chunks;
    }

    public long objects() {
        return partitions * (recordsPerPartition() / flushSize);
    }
}
