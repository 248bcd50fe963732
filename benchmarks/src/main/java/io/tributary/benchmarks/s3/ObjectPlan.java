package io.tributary.benchmarks.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * Which record goes where: the plan's records are ids {@code firstId .. firstId + records - 1}; record {@code id} is
 * produced to partition {@code id % partitions}, so partition {@code p} holds ids {@code firstId + p,
 * firstId + p + partitions, ...} at the plan's offsets 0, 1, ... (counted from where the plan starts in the topic);
 * each partition's records are cut into objects of {@code flushSize} records, as the sink's {@code flush.size} cuts
 * them. The ceiling uploads the same objects.
 */
public record ObjectPlan(long records, int partitions, int flushSize, long firstId) {

    /** One object: {@code count} records of {@code partition} from {@code startOffset}. */
    public record Chunk(int partition, long startOffset, int count) {
    }

    public ObjectPlan {
        if (records <= 0 || partitions <= 0 || flushSize <= 0) {
            throw new IllegalArgumentException("records, partitions and flush.size must be positive");
        }
        if (firstId < 0 || firstId % partitions != 0) {
            throw new IllegalArgumentException("The first id " + firstId + " must be a multiple of " + partitions
                    + " partitions, so that every partition's first record is the plan's");
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

    /** A plan of ids from 0. */
    public ObjectPlan(long records, int partitions, int flushSize) {
        this(records, partitions, flushSize, 0);
    }

    /** The same layout for {@code records} more records, produced after this plan's into the same topic. */
    public ObjectPlan followedBy(long records) {
        return new ObjectPlan(records, partitions, flushSize, firstId + this.records);
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
        return firstId + offset * partitions + partition;
    }

    /** One past the plan's last id. */
    public long endId() {
        return firstId + records;
    }

    /** The objects of {@code partition}, in offset order (offsets counted from the plan's start). */
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
