package io.tributary.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the CPU of a timed run went: each group of this JVM's threads (names with their numbers taken out), the
 * JVM's own threads (garbage collection, JIT compilation: the process's time that no Java thread accounts for), and
 * the child processes (the test servers). For a profile of a run, not for a figure in its result.
 */
public final class CpuBreakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> threadNanos;
    private final long processNanos;
    private final long childNanos;

    private CpuBreakdown(Map<Long, Long> threadNanos, long processNanos, long childNanos) {
        this.threadNanos = threadNanos;
        this.processNanos = processNanos;
        this.childNanos = childNanos;
    }

    public static CpuBreakdown start() {
        return new CpuBreakdown(threadNanos(null), processNanos(), childNanos());
    }

    /** The CPU since {@link #start()} in microseconds per record, largest first, as one line. */
    public String perRecord(long records) {
        Map<String, Long> groups = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> now = threadNanos(names);
        long javaThreads = 0;
        for (Map.Entry<Long, Long> thread : now.entrySet()) {
            long used = thread.getValue() - threadNanos.getOrDefault(thread.getKey(), 0L);
            javaThreads += used;
            groups.merge(names.get(thread.getKey()).replaceAll("\\d+", "N"), used, Long::sum);
        }
        groups.put("(JVM: GC, JIT, threads that ended)", processNanos() - processNanos - javaThreads);
        groups.put("(child processes)", childNanos() - childNanos);
        return groups.entrySet().stream()
                .filter(group -> group.getValue() * 1000 / records >= 50) // 0.05 µs per record and more
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))
                .entrySet().stream()
                .map(group -> String.format(Locale.ROOT, "%s %.2f", group.getKey(), group.getValue() / 1e3 / records))
                .collect(Collectors.joining(", ", "CPU µs per record: ", ""));
    }

    private static Map<Long, Long> threadNanos(Map<Long, String> names) {
        Map<Long, Long> nanos = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                if (names != null) {
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        return nanos;
    }

    private static long processNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long childNanos() {
        return ProcessHandle.current().children()
                .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
