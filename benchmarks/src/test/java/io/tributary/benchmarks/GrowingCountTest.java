package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GrowingCountTest {

    @Test
    void returnsOnceTheCountReachesTheTarget() throws InterruptedException {
        AtomicLong count = new AtomicLong();
        long before = System.nanoTime();
        long seen = GrowingCount.await(() -> count.addAndGet(10), 50, 1, Duration.ofSeconds(5), last -> "stalled");
        assertThat(count.get()).isEqualTo(50);
        assertThat(seen).isGreaterThanOrEqualTo(before);
    }

    @Test
    void failsWhenTheCountStopsMoving() {
        AtomicLong reads = new AtomicLong();
        assertThatThrownBy(() -> GrowingCount.await(() -> Math.min(reads.incrementAndGet(), 3), 10, 1,
                Duration.ofMillis(50), last -> "stuck at " + last))
                .isInstanceOf(IllegalStateException.class).hasMessage("stuck at 3");
    }

    @Test
    void aCountThatKeepsMovingIsNotStalledHoweverSlow() throws InterruptedException {
        AtomicLong count = new AtomicLong();
        // 30 readings 2 ms apart, each one more: far longer than the 20 ms stall, never still for it
        GrowingCount.await(count::incrementAndGet, 30, 2, Duration.ofMillis(20), last -> "stalled at " + last);
        assertThat(count.get()).isEqualTo(30);
    }
}
