package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimePartitionLayoutTest {

    @Test
    void everyPartitionCyclesThroughAllItsHoursOfOneDay() {
        TimePartitionLayout layout = new TimePartitionLayout(50_000, 50, 20);
        Set<Integer> hours = new HashSet<>();
        Set<String> days = new HashSet<>();
        for (long offset = 0; offset < layout.recordsPerPartition(); offset++) {
            var time = Instant.ofEpochMilli(layout.timestampMillis(offset)).atOffset(ZoneOffset.UTC);
            hours.add(time.getHour());
            days.add(time.toLocalDate().toString());
        }
        assertThat(hours).hasSize(20);
        assertThat(days).containsExactly("2026-03-04");
        assertThat(layout.openTimePartitions()).isEqualTo(1_000);
    }

    @Test
    void theFirstOffsetsAlreadyOpenEveryPath() {
        TimePartitionLayout layout = new TimePartitionLayout(1_000, 1, 20);
        assertThat(layout.timestampMillis(19) - layout.timestampMillis(0)).isEqualTo(19 * TimePartitionLayout.HOUR_MS);
        assertThat(layout.timestampMillis(20) - layout.timestampMillis(0)).isEqualTo(1);
    }

    @Test
    void rejectsMoreHoursThanADay() {
        assertThatThrownBy(() -> new TimePartitionLayout(100, 1, 25)).isInstanceOf(IllegalArgumentException.class);
    }
}
