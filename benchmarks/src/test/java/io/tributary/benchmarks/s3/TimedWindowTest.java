package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimedWindowTest {

    /** A window that moved 1,000,000 records in {@code seconds}. */
    private static TimedWindow window(int number, double seconds) {
        return new TimedWindow(number, new Throughput(1_000_000, 200_000_000, (long) (seconds * 1e9), 1,
                (long) (seconds * 2e9)), 300L << 20, "cpu");
    }

    @Test
    void theMedianIsTheMiddleWindowByRateWhateverItsPlace() {
        List<TimedWindow> windows = List.of(window(1, 8.0), window(2, 5.0), window(3, 6.0));
        assertThat(TimedWindow.median(windows).number()).isEqualTo(3);
    }

    @Test
    void ofAnEvenCountTheMedianIsTheSlowerMiddleWindow() {
        List<TimedWindow> windows = List.of(window(1, 4.0), window(2, 5.0), window(3, 6.0), window(4, 8.0));
        assertThat(TimedWindow.median(windows).number()).isEqualTo(3);
        assertThat(TimedWindow.median(List.of(window(7, 2.0))).number()).isEqualTo(7);
    }

    @Test
    void ratesListEveryWindowInOrder() {
        assertThat(TimedWindow.rates(List.of(window(1, 8.0), window(2, 5.0)))).isEqualTo("125000/200000");
    }

    @Test
    void describesTheFiguresAndTheCpu() {
        assertThat(window(2, 5.0).describe("s3-throughput jsonl sink", 100))
                .contains("window 2: 1000000 records in 100 objects, 5.00 s, 200000 records/s/task")
                .contains("peak heap 300 MB, 10.00 CPU s per million records")
                .endsWith("s3-throughput jsonl sink window 2: cpu");
    }

    @Test
    void noWindowHasNoMedian() {
        assertThatThrownBy(() -> TimedWindow.median(List.of())).hasMessageContaining("No window");
    }
}
