package io.tributary.benchmarks;

import java.time.Duration;

/**
 * CPU time used so far by this JVM (the embedded Kafka and Connect worker included) and by its child processes (the
 * test servers it forked), as the operating system counts it: what a contestant costs the machine, whatever its
 * threads wait for.
 */
public final class CpuClock {

    private CpuClock() {
    }

    public static long nanos() {
        return processNanos() + childNanos();
    }

    /** This JVM's part. */
    public static long processNanos() {
        return cpu(ProcessHandle.current());
    }

    /** The child processes' part. */
    public static long childNanos() {
        return ProcessHandle.current().children().mapToLong(CpuClock::cpu).sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
