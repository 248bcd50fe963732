package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3MemoryBenchmarkTest {

    @Test
    void readsTheChildsFigures() {
        String output = "[main] INFO something\nCHILD records=10 durable_records=10 peak_heap_mb=120\nbye\n";
        assertThat(S3MemoryBenchmark.childFigures(output)).containsEntry("records", "10")
                .containsEntry("durable_records", "10").containsEntry("peak_heap_mb", "120");
        assertThat(S3MemoryBenchmark.childFigures("killed")).isEmpty();
    }
}
