package io.tributary.cdc.metrics;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import javax.management.ObjectName;

import io.tributary.common.jmx.MBeans;

/**
 * The task's JMX metrics, registered under Debezium's object names so that existing dashboards keep working. Updated
 * by the reader thread, read by JMX clients; registration problems are logged, never fatal.
 */
public final class CdcMetrics implements AutoCloseable {

    private static final String DOMAIN = "debezium.postgres";

    private final Clock clock;
    private final ObjectName streamingName;
    private final ObjectName snapshotName;
    private final AtomicLong millisBehind = new AtomicLong(-1);
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong slotLag = new AtomicLong(-1);
    private final AtomicLong retainedWal = new AtomicLong(-1);
    private final Map<String, Long> rowsScanned = new ConcurrentHashMap<>();
    private final IntSupplier queueRemaining;
    private final int queueCapacity;
    private volatile boolean connected;
    private volatile boolean snapshotRunning;
    private volatile boolean snapshotCompleted;
    private volatile int totalTables;
    private volatile int remainingTables;
    private volatile long snapshotStart;
    private volatile long snapshotEnd;

    /**
     * With {@code task} -1 the object names are Debezium's; with 0 or more they add {@code task=<task>}, as
     * Debezium's multi-task connectors do (the tasks of a parallel snapshot other than the first).
     */
    public CdcMetrics(String serverName, int task, Clock clock, IntSupplier queueRemaining, int queueCapacity) {
        this.clock = clock;
        this.queueRemaining = queueRemaining;
        this.queueCapacity = queueCapacity;
        String suffix = task < 0 ? "" : ",task=" + task;
        this.streamingName = name("streaming", serverName, suffix);
        this.snapshotName = name("snapshot", serverName, suffix);
        MBeans.register(streamingName, new Streaming(), StreamingMetricsMXBean.class);
        MBeans.register(snapshotName, new Snapshot(), SnapshotMetricsMXBean.class);
    }

    public void eventSeen(long commitTimeMs) {
        events.incrementAndGet();
        millisBehind.set(Math.max(0, clock.millis() - commitTimeMs));
    }

    public void transactionCommitted() {
        transactions.incrementAndGet();
    }

    public void connected(boolean value) {
        connected = value;
    }

    public void slot(long lagBytes, long retainedBytes) {
        slotLag.set(lagBytes);
        retainedWal.set(retainedBytes);
    }

    public void snapshotStarted(int tables) {
        snapshotStart = clock.millis();
        totalTables = tables;
        remainingTables = tables;
        snapshotRunning = true;
    }

    public void rowsScanned(String table, long rows) {
        rowsScanned.put(table, rows);
    }

    public void tableSnapshotted() {
        remainingTables = Math.max(0, remainingTables - 1);
    }

    public void snapshotCompleted() {
        snapshotEnd = clock.millis();
        snapshotRunning = false;
        snapshotCompleted = true;
    }

    @Override
    public void close() {
        MBeans.unregister(streamingName);
        MBeans.unregister(snapshotName);
    }

    private static ObjectName name(String context, String serverName, String suffix) {
        // topic.prefix allows only letters, digits, '.', '_' and '-': safe unquoted, as Debezium writes it
        return MBeans.name(DOMAIN + ":type=connector-metrics,context=" + context + ",server=" + serverName + suffix);
    }

    private final class Streaming implements StreamingMetricsMXBean {
        @Override
        public long getMilliSecondsBehindSource() {
            return millisBehind.get();
        }

        @Override
        public long getTotalNumberOfEventsSeen() {
            return events.get();
        }

        @Override
        public long getNumberOfCommittedTransactions() {
            return transactions.get();
        }

        @Override
        public int getQueueRemainingCapacity() {
            return queueRemaining.getAsInt();
        }

        @Override
        public int getQueueTotalCapacity() {
            return queueCapacity;
        }

        @Override
        public boolean getConnected() {
            return connected;
        }

        @Override
        public long getSlotLagBytes() {
            return slotLag.get();
        }

        @Override
        public long getRetainedWalBytes() {
            return retainedWal.get();
        }
    }

    private final class Snapshot implements SnapshotMetricsMXBean {
        @Override
        public boolean getSnapshotRunning() {
            return snapshotRunning;
        }

        @Override
        public boolean getSnapshotCompleted() {
            return snapshotCompleted;
        }

        @Override
        public int getTotalTableCount() {
            return totalTables;
        }

        @Override
        public int getRemainingTableCount() {
            return remainingTables;
        }

        @Override
        public long getSnapshotDurationInSeconds() {
            long start = snapshotStart;
            if (start == 0) {
                return 0;
            }
            long end = snapshotRunning ? clock.millis() : snapshotEnd;
            return (end - start) / 1_000L;
        }

        @Override
        public Map<String, Long> getRowsScanned() {
            return new TreeMap<>(rowsScanned);
        }
    }
}
