package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputTest {

    @Test
    void ratesArePerSecondAndPerTask() {
        Throughput t = new Throughput(1_000_000, 200L * 1024 * 1024, 10_000_000_000L, 2, 15_000_000_000L);
        assertThat(t.recordsPerSecondPerTask()).isEqualTo(50_000.0, within(1e-6));
        assertThat(t.mebibytesPerSecondPerTask()).isEqualTo(10.0, within(1e-9));
        assertThat(t.seconds()).isEqualTo(10.0, within(1e-9));
        assertThat(t.cpuSecondsPerMillionRecords()).isEqualTo(15.0, within(1e-9));
    }

    @Test
    void theRatioComparesRecordRates() {
        Throughput sink = new Throughput(1_000, 100, 2_000_000_000L, 1, 0);
        Throughput ceiling = new Throughput(1_000, 90, 1_000_000_000L, 1, 0);
        assertThat(sink.ratioTo(ceiling)).isEqualTo(0.5, within(1e-9));
    }

    @Test
    void rejectsAnEmptyMeasurement() {
        assertThatThrownBy(() -> new Throughput(1, 1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
