package io.tributary.benchmarks.s3;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * How many data objects a sink connector's tasks have committed to S3, read from their JMX metrics
 * ({@code io.tributary:type=s3-sink-task-metrics}) in this JVM, which hosts the Connect worker. Watching costs the
 * S3 server nothing while the sink is timed (listing the bucket would: the server's work per listing grows with the
 * objects in it).
 */
final class SinkProgress {

    private static final long POLL_MS = 10;
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    /** {@link System#nanoTime()} of the polls that first saw an object committed, and all of them. */
    record Progress(long firstNanos, long doneNanos) {
    }

    private SinkProgress() {
    }

    /**
     * Waits until the tasks of {@code connector} have committed {@code count} objects; fails when the count has not
     * moved for {@code stall}.
     */
    static Progress awaitObjects(String connector, long count, Duration stall, Supplier<String> status)
            throws InterruptedException {
        ObjectName tasks = tasksOf(connector);
        long first = -1;
        long last = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            long committed = committed(tasks);
            long now = System.nanoTime();
            if (committed > 0 && first < 0) {
                first = now;
            }
            if (committed >= count) {
                return new Progress(first, now);
            }
            if (committed != last) {
                last = committed;
                lastProgress = now;
            } else if (now - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(connector + " committed " + committed + " of " + count
                        + " objects and has not moved for " + stall + "; " + status.get());
            }
            Thread.sleep(POLL_MS);
        }
    }

    private static ObjectName tasksOf(String connector) {
        try {
            return new ObjectName("io.tributary:type=s3-sink-task-metrics,connector=" + ObjectName.quote(connector)
                    + ",task=*");
        } catch (JMException e) {
            throw new IllegalArgumentException("No JMX name for connector " + connector, e);
        }
    }

    private static long committed(ObjectName tasks) {
        long total = 0;
        for (ObjectName task : JMX.queryNames(tasks, null)) {
            try {
                total += (Long) JMX.getAttribute(task, "ObjectsCommitted");
            } catch (JMException e) {
                // the task stopped between the query and the read: its objects count no more
            }
        }
        return total;
    }
}
