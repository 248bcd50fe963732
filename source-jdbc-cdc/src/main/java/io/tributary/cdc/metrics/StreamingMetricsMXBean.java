package io.tributary.cdc.metrics;

/**
 * Streaming metrics under Debezium's names ({@code debezium.postgres:type=connector-metrics,context=streaming,
 * server=<topic.prefix>}), plus the slot's lag and retained WAL.
 */
public interface StreamingMetricsMXBean {

    /** Milliseconds between the commit of the last change read and the moment it was read. */
    long getMilliSecondsBehindSource();

    /** Change events read since the task started (including tombstones). */
    long getTotalNumberOfEventsSeen();

    /** Source transactions committed since the task started that had at least one captured change. */
    long getNumberOfCommittedTransactions();

    int getQueueRemainingCapacity();

    int getQueueTotalCapacity();

    /** Whether the replication stream is connected. */
    boolean getConnected();

    /** Bytes of WAL between the server's current position and the slot's confirmed flush position (-1: unknown). */
    long getSlotLagBytes();

    /** Bytes of WAL the slot makes the server keep (-1: unknown). */
    long getRetainedWalBytes();
}
