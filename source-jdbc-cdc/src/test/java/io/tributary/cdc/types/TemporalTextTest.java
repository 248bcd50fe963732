package io.tributary.cdc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TemporalTextTest {

    @Test
    void theHandWrittenTimeParserAgreesWithJavaTime() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%02d:%02d:%02d", random.nextInt(24),
                    random.nextInt(60), random.nextInt(60)));
            int fraction = random.nextInt(10);
            if (fraction > 0) {
                text.append('.');
                for (int d = 0; d < fraction; d++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            assertThat(TemporalText.time(text.toString())).as(text.toString())
                    .isEqualTo(LocalTime.parse(text.toString()));
        }
    }

    @Test
    void unusualTimesFallBackToJavaTime() {
        assertThat(TemporalText.time("23:59:59.999999")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        assertThat(TemporalText.time("00:00:00")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(TemporalText.time("10:11")).isEqualTo(LocalTime.of(10, 11));
        assertThatThrownBy(() -> TemporalText.time("1x:00:00")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> TemporalText.time("25:00:00")).isInstanceOf(DateTimeException.class);
        assertThat(TemporalText.time("10:00:00.")).isEqualTo(LocalTime.parse("10:00:00."));
    }

    @Test
    void timestampsWithOffsetsOfHoursOrMinutes() {
        assertThat(TemporalText.isoUtc("2024-02-29 10:00:00.5+05")).isEqualTo("2024-02-29T05:00:00.5Z");
        assertThat(TemporalText.isoUtc("2024-02-29 10:00:00.5+05:30")).isEqualTo("2024-02-29T04:30:00.5Z");
        assertThat(TemporalText.isoUtc("2024-02-29 01:00:00-02")).isEqualTo("2024-02-29T03:00:00Z");
        assertThat(TemporalText.epochMicros("1970-01-01 00:00:01.000001")).isEqualTo(1_000_001L);
    }
}
