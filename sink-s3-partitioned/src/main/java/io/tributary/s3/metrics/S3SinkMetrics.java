package io.tributary.s3.metrics;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.s3.writer.WriteCounters;

/** Registers a task's {@link S3SinkTaskMetricsMXBean} on the platform MBean server, and removes it on close. */
public final class S3SinkMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3SinkMetrics.class);
    public static final String DOMAIN = "io.tributary";

    private final ObjectName name;

    private S3SinkMetrics(ObjectName name) {
        this.name = name;
    }

    /** The object name of task {@code task} of {@code connector}. */
    public static ObjectName name(String connector, String task) throws JMException {
        return new ObjectName(DOMAIN + ":type=s3-sink-task-metrics,connector=" + ObjectName.quote(connector)
                + ",task=" + ObjectName.quote(task));
    }

    /** Registers the metrics of {@code counters}; a failure to register is logged, never fatal. */
    public static S3SinkMetrics register(String connector, String task, WriteCounters counters, long limitBytes) {
        ObjectName name;
        try {
            name = name(connector, task);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a task restarted on this worker before its old instance stopped
            }
            server.registerMBean(new StandardMBean(new Bean(counters, limitBytes), S3SinkTaskMetricsMXBean.class,
                    true), name);
        } catch (JMException e) {
            LOG.warn("No JMX metrics for task {} of connector {}: {}", task, connector, e.getMessage());
            name = null;
        }
        return new S3SinkMetrics(name);
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException e) {
            LOG.debug("Could not unregister {}: {}", name, e.getMessage());
        }
    }

    private record Bean(WriteCounters counters, long limitBytes) implements S3SinkTaskMetricsMXBean {
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
            return counters.bufferedBytes();
        }

        @Override
        public long getBufferLimitBytes() {
            return limitBytes;
        }
    }
}
