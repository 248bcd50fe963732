package io.tributary.cdc.types;

/**
 * Values of Kafka Connect's own {@code Date}, {@code Time} and {@code Timestamp} logical types
 * ({@code time.precision.mode=connect}): {@link java.util.Date}s in milliseconds, finer digits dropped (rounded toward
 * negative infinity, as Debezium's conversion through {@code Instant.toEpochMilli()}). Infinite values become the
 * largest and smallest values, as in the other modes.
 */
final class ConnectTemporals {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private ConnectTemporals() {
    }

    /** Midnight UTC of the date, as Connect's Date requires. */
    static java.util.Date date(String text) {
        return new java.util.Date(TemporalText.epochDays(text) * MILLIS_PER_DAY);
    }

    /** Milliseconds since midnight on 1970-01-01; {@code 24:00:00} is a whole day, which Connect's Time accepts. */
    static java.util.Date time(String text) {
        return new java.util.Date(TemporalText.microsOfDay(text) / 1_000L);
    }

    static java.util.Date timestamp(String text) {
        return new java.util.Date(TemporalText.millis(TemporalText.epochMicros(text)));
    }
}
