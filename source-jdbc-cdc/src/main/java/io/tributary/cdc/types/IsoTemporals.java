package io.tributary.cdc.types;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Values of Debezium's {@code IsoDate}, {@code IsoTime} and {@code IsoTimestamp} ({@code time.precision.mode=isostring}):
 * ISO-8601 in UTC, formatted as Java's ISO formatters do (fractional digits only as the value needs them, years
 * beyond 9999 with a sign), e.g. {@code 2024-02-29Z}, {@code 10:11:12.5Z}, {@code 2024-02-29T10:11:12.000001Z}.
 */
final class IsoTemporals {

    /**
     * Debezium reads PgJDBC's infinite timestamps (its millisecond markers) as microseconds since the epoch, so that
     * {@code infinity} becomes {@code +294247-01-10T04:00:25.2Z} and {@code -infinity}
     * {@code -290308-12-21T19:59:27.6Z}.
     */
    private static final LocalDateTime INFINITY = fromMicros(TemporalText.DEBEZIUM_INFINITY_MICROS);
    private static final LocalDateTime MINUS_INFINITY = fromMicros(TemporalText.DEBEZIUM_MINUS_INFINITY_MICROS);

    private IsoTemporals() {
    }

    /** The date at midnight UTC, e.g. {@code 2024-02-29Z}; a BC year counts back from year 0 (1 BC). */
    static String date(String text) {
        return DateTimeFormatter.ISO_OFFSET_DATE.format(
                LocalDate.ofEpochDay(TemporalText.epochDays(text)).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    /** The time in UTC, e.g. {@code 10:11:12.5Z}; {@code 24:00:00} is {@code 00:00:00Z}, as Debezium wraps it. */
    static String time(String text) {
        LocalTime time = LocalTime.ofNanoOfDay(TemporalText.nanosOfDay(text) % 86_400_000_000_000L);
        return DateTimeFormatter.ISO_OFFSET_TIME.format(time.atOffset(ZoneOffset.UTC));
    }

    /** The timestamp read as UTC, e.g. {@code 2024-02-29T10:11:12.5Z}. */
    static String timestamp(String text) {
        LocalDateTime value;
        if (TemporalText.INFINITY.equals(text)) {
            value = INFINITY;
        } else if (TemporalText.MINUS_INFINITY.equals(text)) {
            value = MINUS_INFINITY;
        } else {
            value = TemporalText.localDateTime(text);
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atOffset(ZoneOffset.UTC));
    }

    private static LocalDateTime fromMicros(long micros) {
        return LocalDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
