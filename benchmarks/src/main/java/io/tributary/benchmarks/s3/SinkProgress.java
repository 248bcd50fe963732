package io.tributary.benchmarks.s3;

import io.tributary.benchmarks.GrowingCount;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.Supplier;
import javax.management.Attribute;
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

    /**
     * {@link System#nanoTime()} of the polls that first saw an object committed after those there were before, and
     * all of them; the object bytes committed by then.
     */
    record Progress(long firstNanos, long doneNanos, long bytes) {
    }

    /** The tasks' counts summed, read at one poll. */
    private record Committed(long objects, long bytes) {
    }

    private SinkProgress() {
    }

    /**
     * Waits until the tasks of {@code connector}, which had committed {@code before} objects, have committed
     * {@code count} objects in all; fails when the count has not moved for {@code stall}.
     */
    static Progress awaitObjects(String connector, long before, long count, Duration stall, Supplier<String> status)
            throws InterruptedException {
        ObjectName tasks = tasksOf(connector);
        // What the readings saw, for the result: the latest reading, and when one first counted a new object.
        Committed[] latest = new Committed[1];
        long[] firstNanos = {-1};
        long doneNanos = GrowingCount.await(() -> {
            Committed read = committed(tasks);
            latest[0] = read;
            if (read.objects() > before && firstNanos[0] < 0) {
                firstNanos[0] = System.nanoTime();
            }
            return read.objects();
        }, count, POLL_MS, stall, committed -> connector + " committed " + committed + " of " + count
                + " objects and has not moved for " + stall + "; " + status.get());
        return new Progress(firstNanos[0], doneNanos, latest[0].bytes());
    }

    private static ObjectName tasksOf(String connector) {
        try {
            return new ObjectName("io.tributary:type=s3-sink-task-metrics,connector=" + ObjectName.quote(connector)
                    + ",task=*");
        } catch (JMException e) {
            throw new IllegalArgumentException("No JMX name for connector " + connector, e);
        }
    }

    private static Committed committed(ObjectName tasks) {
        long objects = 0;
        long bytes = 0;
        for (ObjectName task : JMX.queryNames(tasks, null)) {
            try {
                for (Attribute value : JMX.getAttributes(task, new String[] {"ObjectsCommitted", "BytesCommitted"})
                        .asList()) {
                    if (value.getName().equals("ObjectsCommitted")) {
                        objects += (Long) value.getValue();
                    } else {
                        bytes += (Long) value.getValue();
                    }
                }
            } catch (JMException e) {
                // the task stopped between the query and the read: its objects count no more
            }
        }
        return new Committed(objects, bytes);
    }
}
