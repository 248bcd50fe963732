package io.tributary.s3.metrics;

import javax.management.ObjectName;

import io.tributary.common.jmx.MBeans;
import io.tributary.s3.writer.MemoryBudget;
import io.tributary.s3.writer.WriteCounters;

/** A task's {@link S3SinkTaskMetricsMXBean} on the platform MBean server, from registration until close. */
public final class S3SinkMetrics implements AutoCloseable {

    private static final String DOMAIN = "io.tributary";

    private final ObjectName name;

    private S3SinkMetrics(ObjectName name) {
        this.name = name;
    }

    /** The object name of task {@code task} of {@code connector}, or null (logged) if there is none. */
    public static ObjectName name(String connector, String task) {
        return MBeans.name(DOMAIN + ":type=s3-sink-task-metrics,connector=" + ObjectName.quote(connector)
                + ",task=" + ObjectName.quote(task));
    }

    /** Registers the metrics of {@code counters} and {@code budget}; a failure to register is logged, never fatal. */
    public static S3SinkMetrics register(String connector, String task, WriteCounters counters, MemoryBudget budget) {
        return new S3SinkMetrics(MBeans.register(name(connector, task), new Bean(counters, budget),
                S3SinkTaskMetricsMXBean.class));
    }

    @Override
    public void close() {
        MBeans.unregister(name);
    }

    private record Bean(WriteCounters counters, MemoryBudget budget) implements S3SinkTaskMetricsMXBean {
        @Override
        public long getObjectsCommitted() {
            return counters.objects();
        }

        @Override
        public long getRecordsCommitted() {
            return counters.records();
        }

        @Override
        public long getBytesCommitted() {
            return counters.bytes();
        }

        @Override
        public long getBufferedBytes() {
            return budget.bufferedBytes();
        }

        @Override
        public long getBufferLimitBytes() {
            return budget.limitBytes();
        }
    }
}
