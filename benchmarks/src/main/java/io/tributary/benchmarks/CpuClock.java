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
        ProcessHandle self = ProcessHandle.current();
        return cpu(self) + self.children().mapToLong(CpuClock::cpu).sum();
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
