package io.tributary.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap of this JVM while it watches (the Connect worker's, which also hosts the broker and the harness; in
 * s3-memory the heap-capped child's): the heap just before each collection, from GC notifications, and a 50 ms sample
 * of the heap in use, whichever is higher. The heap peaks right before a collection, which sampling alone would miss. That peak follows the
 * collector's sizing (it grows with -Xmx); the largest heap left after a collection is reported too, as the live set.
 */
public final class HeapWatcher implements AutoCloseable {

    private static final long SAMPLE_MS = 50;

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final long baseline;
    private final Set<String> heapPools;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onGc;
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatcher() {
        System.gc();
        baseline = heapUsed();
        peak.set(baseline);
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        sampler = new Thread(this::sample, "heap-watcher");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Collects garbage, takes the heap in use as the baseline and starts watching. */
    public static HeapWatcher start() {
        return new HeapWatcher();
    }

    /** Heap in use after a full collection when watching began: broker, worker and harness at rest. */
    public long baselineBytes() {
        return baseline;
    }

    public long peakBytes() {
        record(heapUsed());
        return peak.get();
    }

    /** The most heap any collection left in use while watching (the baseline if none ran). */
    public long peakAfterGcBytes() {
        return Math.max(baseline, peakAfterGc.get());
    }

    private void onGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        record(heapSum(info.getGcInfo().getMemoryUsageBeforeGc()));
        peakAfterGc.accumulateAndGet(heapSum(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heapSum(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                sum += pool.getValue().getUsed();
            }
        }
        return sum;
    }

    private void sample() {
        while (running) {
            record(heapUsed());
            try {
                Thread.sleep(SAMPLE_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record(long bytes) {
        peak.accumulateAndGet(bytes, Math::max);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing to undo
            }
        }
    }
}
