package io.tributary.s3.metrics;

/**
 * A sink task's JMX metrics, under {@code io.tributary:type=s3-sink-task-metrics,connector=<name>,task=<n>}. Counts
 * start at zero when the task starts.
 */
public interface S3SinkTaskMetricsMXBean {

    /** Data files this task committed to S3 (uploaded, or found there already with the same bytes on a replay). */
    long getObjectsCommitted();

    /** Records in those files. */
    long getRecordsCommitted();

    /** Bytes of those files. */
    long getBytesCommitted();

    /** Heap the task's buffered files take: open files, and closed ones waiting for their upload. */
    long getBufferedBytes();

    /** {@code buffer.memory.bytes} as the task applies it. */
    long getBufferLimitBytes();
}
