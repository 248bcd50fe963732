package io.tributary.cdc.offset;

import java.util.Map;

/**
 * The source partitions of the connector's offsets: Debezium's {@code {server: <topic.prefix>}} for the task that
 * streams (and snapshots alone), and one more per other task of a parallel snapshot, which adds its part number.
 */
public final class SourcePartitions {

    static final String SERVER = "server";
    static final String SNAPSHOT_PART = "snapshot_part";

    private SourcePartitions() {
    }

    /** Part 0 streams and keeps Debezium's partition; every other part of a snapshot has its own. */
    public static Map<String, ?> of(String topicPrefix, int part) {
        return part == 0 ? Map.of(SERVER, topicPrefix) : Map.of(SERVER, topicPrefix, SNAPSHOT_PART, part);
    }

    /** The part {@code partition} belongs to, or -1 when it is not one of {@code topicPrefix}'s partitions. */
    public static int partOf(String topicPrefix, Map<String, ?> partition) {
        if (partition == null || !topicPrefix.equals(partition.get(SERVER))) {
            return -1;
        }
        if (partition.size() == 1) {
            return 0;
        }
        Object part = partition.get(SNAPSHOT_PART);
        return partition.size() == 2 && part instanceof Number number && number.intValue() > 0
                && number.doubleValue() == number.intValue() ? number.intValue() : -1;
    }
}
