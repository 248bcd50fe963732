package io.tributary.benchmarks.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmitScheduleTest {

    @Test
    void transactionsFallDueOnAFixedScheduleFromTheStart() {
        EmitSchedule schedule = new EmitSchedule(1_000_000, 5_000, 50, 1); // one 50-row transaction every 10 ms

        assertThat(schedule.dueMicros(1)).isEqualTo(1_000_000);
        assertThat(schedule.dueMicros(50)).isEqualTo(1_000_000);
        assertThat(schedule.dueMicros(51)).isEqualTo(1_010_000);
        assertThat(schedule.dueMicros(1_000)).isEqualTo(1_190_000);
        assertThat(schedule.lastDueId(999_999)).isZero();
        assertThat(schedule.lastDueId(1_000_000)).isEqualTo(50);
        assertThat(schedule.lastDueId(1_009_999)).isEqualTo(50);
        assertThat(schedule.lastDueId(1_010_000)).isEqualTo(100);
    }

    @Test
    void aRowIsDueExactlyWhenItsTransactionIs() {
        // 7 rows per transaction at 3 rows/s: due instants are not whole microseconds apart.
        EmitSchedule schedule = new EmitSchedule(0, 3, 7, 11);
        for (long id = 11; id < 11 + 7 * 20; id++) {
            long due = schedule.dueMicros(id);
            assertThat(schedule.lastDueId(due)).as("at the due instant of %d", id).isGreaterThanOrEqualTo(id);
            assertThat(schedule.lastDueId(due - 1)).as("just before the due instant of %d", id).isLessThan(id);
        }
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new EmitSchedule(0, 0, 50, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
