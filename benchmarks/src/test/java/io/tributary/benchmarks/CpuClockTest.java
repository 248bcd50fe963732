package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void countsTheCpuThisJvmSpends() {
        // Spin until this thread has had 300 ms of CPU, however busy the machine is (a wall-clock spin gets less on
        // a loaded machine).
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = CpuClock.nanos();
        long spun = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long deadline = System.nanoTime() + 60_000_000_000L;
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < spun && System.nanoTime() < deadline) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        assertThat(threads.getCurrentThreadCpuTime()).as("this thread's CPU time").isGreaterThanOrEqualTo(spun);
        assertThat(sum).isPositive();
        // The process's clock counts in scheduler ticks (10 ms), so it may lag this thread's by one.
        assertThat(CpuClock.nanos() - before).as("300 ms of busy loop").isGreaterThan(280_000_000L);
    }
}
