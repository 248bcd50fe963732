package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void insertsARangeInOneStatement() {
        assertThat(BenchTable.insertRange(1001, 2000)).startsWith("INSERT INTO public.bench_rows SELECT g,")
                .endsWith("FROM generate_series(1001, 2000) AS g").doesNotContain(";");
        assertThat(BenchTable.topic("bench_x")).isEqualTo("bench_x.public.bench_rows");
    }

    @Test
    void refusesAnEmptyOrNegativeRange() {
        assertThatThrownBy(() -> BenchTable.insertRange(0, 5)).hasMessageContaining("Not an id range");
        assertThatThrownBy(() -> BenchTable.insertRange(5, 4)).hasMessageContaining("Not an id range");
    }
}
