package io.tributary.cdc.types;

/**
 * How {@code date}, {@code time} and {@code timestamp} values are emitted, as Debezium's {@code time.precision.mode}.
 * {@code timestamptz}, {@code timetz} and {@code interval} are the same in every mode.
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
    CONNECT
}
