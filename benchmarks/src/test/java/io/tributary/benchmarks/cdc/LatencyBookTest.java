package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyBookTest {

    @Test
    void measuresEachRowFromItsTransactionsCommitToItsAppendTime() {
        LatencyBook book = new LatencyBook(10);
        book.committed(1, 2, 1_000_000_000L); // commit at t = 1,000,000.000 ms
        book.committed(3, 4, 1_000_010_500L); // t = 1,000,010.500 ms

        // appended at 1,000,003 / 1,000,005 ms and 1,000,012 / 1,000,030 ms
        LatencyBook.Summary summary = book.summarize(new long[] {2, 1, 3, 4},
                new long[] {1_000_003L, 1_000_005L, 1_000_012L, 1_000_030L}, 0);

        assertThat(book.lastId()).isEqualTo(4);
        assertThat(summary.samples()).isEqualTo(4);
        assertThat(summary.p50Ms()).isEqualTo(3.0); // latencies 3, 5, 1.5, 19.5 ms → sorted 1.5, 3, 5, 19.5
        assertThat(summary.p99Ms()).isEqualTo(19.5);
        assertThat(summary.maxMs()).isEqualTo(19.5);
        assertThat(summary.worstAtSeconds()).isEqualTo(1_000.0105); // row 4's commit, since t = 0
        assertThat(summary.over250MsPercent()).isZero();
    }

    @Test
    void saysWhenTheSlowestRowWasCommittedAndHowManyMissedTheGoal() {
        LatencyBook book = new LatencyBook(4);
        book.committed(1, 2, 10_000_000L);
        book.committed(3, 4, 12_000_000L);

        // 10 ms, 300 ms, 2,000 ms and 5 ms: the 2 s row was committed 7 s after the warm-up ended at 5 s
        LatencyBook.Summary summary = book.summarize(new long[] {1, 2, 3, 4},
                new long[] {10_010L, 10_300L, 14_000L, 12_005L}, 5_000_000L);

        assertThat(summary.maxMs()).isEqualTo(2_000.0);
        assertThat(summary.worstAtSeconds()).isEqualTo(7.0);
        assertThat(summary.over250MsPercent()).isEqualTo(50.0);
    }

    @Test
    void leavesRowsCommittedDuringTheWarmUpOut() {
        LatencyBook book = new LatencyBook(4);
        book.committed(1, 1, 1_000L);
        book.committed(2, 2, 9_000L);

        LatencyBook.Summary summary = book.summarize(new long[] {1, 2}, new long[] {900, 10}, 5_000L);

        assertThat(summary.samples()).isEqualTo(1);
        assertThat(summary.p99Ms()).isEqualTo(1.0);
    }

    @Test
    void refusesRowsTheInserterNeverCommittedAndRunsWithoutMeasuredRows() {
        LatencyBook book = new LatencyBook(4);
        book.committed(1, 1, 1_000L);

        assertThatThrownBy(() -> book.summarize(new long[] {3}, new long[] {5}, 0))
                .hasMessageContaining("Row 3 is in Kafka but was never committed");
        assertThatThrownBy(() -> book.summarize(new long[] {1}, new long[] {5}, 2_000L))
                .hasMessageContaining("No rows committed after the warm-up");
        assertThatThrownBy(() -> book.committed(4, 5, 1L)).hasMessageContaining("beyond");
    }
}
