package io.tributary.cdc.metrics;

import java.util.Map;

/** Snapshot metrics under Debezium's names ({@code ...,context=snapshot,server=<topic.prefix>}). */
public interface SnapshotMetricsMXBean {

    boolean getSnapshotRunning();

    boolean getSnapshotCompleted();

    int getTotalTableCount();

    int getRemainingTableCount();

    long getSnapshotDurationInSeconds();

    /** Rows read so far per table ({@code schema.table}). */
    Map<String, Long> getRowsScanned();
}
