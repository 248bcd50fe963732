package io.tributary.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the CPU of a timed run went, per group of this JVM's threads (names with their numbers taken out) and for
 * the child processes (the test servers). On Linux the threads are read from {@code /proc/self/task}, so the JVM's
 * own threads (GC, JIT compiler, VM thread) show under their names (names there are cut to 15 characters);
 * elsewhere the Java threads are read from JMX and the rest of the process's time is one group. For a profile of a
 * run, not for a figure in its result.
 */
public final class CpuBreakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Linux's USER_HZ: the unit of utime and stime in /proc, 100 on every common configuration. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU nanos and name of each thread, by id. */
    private record Sample(Map<Long, Long> nanos, Map<Long, String> names) {
    }

    private final Sample threads;
    private final long processNanos;
    private final long childNanos;

    private CpuBreakdown(Sample threads, long processNanos, long childNanos) {
        this.threads = threads;
        this.processNanos = processNanos;
        this.childNanos = childNanos;
    }

    public static CpuBreakdown start() {
        return new CpuBreakdown(sample(), CpuClock.processNanos(), CpuClock.childNanos());
    }

    /** The CPU since {@link #start()} in microseconds per record, largest first, as one line. */
    public String perRecord(long records) {
        Sample now = sample();
        Map<String, Long> groups = new HashMap<>();
        long threadTotal = 0;
        for (Map.Entry<Long, Long> thread : now.nanos().entrySet()) {
            long used = thread.getValue() - threads.nanos().getOrDefault(thread.getKey(), 0L);
            threadTotal += used;
            groups.merge(now.names().get(thread.getKey()).replaceAll("\\d+", "N"), used, Long::sum);
        }
        long unaccounted = CpuClock.processNanos() - processNanos - threadTotal;
        groups.put(Files.isDirectory(TASKS) ? "(threads that ended)" : "(JVM: GC, JIT, threads that ended)",
                Math.max(0, unaccounted));
        groups.put("(child processes)", CpuClock.childNanos() - childNanos);
        return groups.entrySet().stream()
                .filter(group -> group.getValue() * 1000 / records >= 50) // 0.05 µs per record and more
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(group -> String.format(Locale.ROOT, "%s %.2f", group.getKey(), group.getValue() / 1e3 / records))
                .collect(Collectors.joining(", ", "CPU µs per record: ", ""));
    }

    private static Sample sample() {
        if (Files.isDirectory(TASKS)) {
            try {
                return procSample();
            } catch (IOException | RuntimeException e) {
                // a thread ended while being read, or no /proc after all: fall back to JMX
            }
        }
        return jmxSample();
    }

    private static Sample procSample() throws IOException {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (comm) state ...": comm may hold spaces and parentheses, so split after the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    long id = Long.parseLong(task.getFileName().toString());
                    nanos.put(id, ticks * NANOS_PER_TICK);
                    names.put(id, name);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return new Sample(nanos, names);
    }

    private static Sample jmxSample() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                nanos.put(info.getThreadId(), cpu);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        return new Sample(nanos, names);
    }
}
