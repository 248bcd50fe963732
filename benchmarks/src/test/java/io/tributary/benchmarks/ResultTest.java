package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void printsOneLineWithFiguresInTheOrderAdded() {
        Result result = new Result("cdc-streaming").put("rows", 200_000).put("ratio_vs_debezium", 2.04567)
                .putText("mode", "exactly_once");

        assertThat(result.line()).isEqualTo("RESULT cdc-streaming rows=200000 ratio_vs_debezium=2.046 mode=exactly_once");
    }

    @Test
    void rejectsNamesAndValuesThatWouldBreakTheLine() {
        Result result = new Result("x");
        assertThatThrownBy(() -> result.put("Rows/s", 1)).hasMessageContaining("lower_snake_case");
        assertThatThrownBy(() -> result.putText("mode", "exactly once")).hasMessageContaining("without spaces");
    }

    @Test
    void percentilesUseTheNearestRank() {
        long[] samples = {50, 10, 40, 20, 30};
        assertThat(Stats.median(samples)).isEqualTo(30);
        assertThat(Stats.percentile(samples, 100)).isEqualTo(50);
        assertThat(Stats.percentile(samples, 1)).isEqualTo(10);
        assertThat(Stats.percentile(new long[] {7}, 99)).isEqualTo(7);
    }
}
