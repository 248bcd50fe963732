package io.tributary.cdc.types;

/**
 * How {@code date}, {@code time} and {@code timestamp} values (and arrays of them) are emitted, as Debezium's
 * {@code time.precision.mode}. {@code timestamptz}, {@code timetz} and {@code interval} are the same in every mode.
 */
public enum TimePrecisionMode {
    /**
     * Debezium's default: {@code io.debezium.time.Date}; {@code io.debezium.time.Time} (ms) for time(0..3),
     * {@code MicroTime} (µs) otherwise; {@code io.debezium.time.Timestamp} (ms) for timestamp(0..3),
     * {@code MicroTimestamp} (µs) otherwise.
     */
    ADAPTIVE,
    /** As {@link #ADAPTIVE}, except that every {@code time} is {@code io.debezium.time.MicroTime}. */
    ADAPTIVE_TIME_MICROSECONDS,
    /**
     * Kafka Connect's own logical types {@code org.apache.kafka.connect.data.Date}, {@code Time} and
     * {@code Timestamp}, in milliseconds whatever the column's precision (finer digits are dropped).
     */
    CONNECT,
    /**
     * ISO-8601 strings in UTC: {@code io.debezium.time.IsoDate} ({@code 2024-02-29Z}), {@code IsoTime}
     * ({@code 10:11:12.5Z}) and {@code IsoTimestamp} ({@code 2024-02-29T10:11:12.5Z}), with only the fractional digits
     * the value needs.
     */
    ISOSTRING,
    /**
     * {@code io.debezium.time.Date}; {@code MicroTime} and {@code MicroTimestamp} (µs) whatever the column's
     * precision.
     */
    MICROSECONDS,
    /**
     * {@code io.debezium.time.Date}; {@code NanoTime} and {@code NanoTimestamp} (ns) whatever the column's precision.
     * A timestamp outside what 64 bits of nanoseconds since 1970 hold, counted as Debezium counts them (whole days
     * first: before 1677-09-22 or after 2262-04-11 23:47:16.854775807), is null, as in Debezium.
     */
    NANOSECONDS
}
