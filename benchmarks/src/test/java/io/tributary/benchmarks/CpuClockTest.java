package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuClockTest {

    @Test
    void countsTheCpuThisJvmSpends() {
        long before = CpuClock.nanos();
        long spin = System.nanoTime() + 300_000_000L;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        assertThat(sum).isPositive();
        assertThat(CpuClock.nanos() - before).as("300 ms of busy loop").isGreaterThan(200_000_000L);
    }
}
