package io.tributary.cdc.types;

import static io.tributary.cdc.types.TypeMapper.build;
import static io.tributary.cdc.types.TypeMapper.simple;

import java.util.function.Function;

import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * The schemas and values of {@code date}, {@code time} and {@code timestamp} columns in one {@code time.precision.mode},
 * chosen as Debezium 3.6's PostgreSQL connector chooses them (checked by {@code DebeziumEquivalenceIT}).
 */
final class TemporalConverters {

    private static final int DEFAULT_TIME_PRECISION = 6;

    private final TimePrecisionMode mode;

    TemporalConverters(TimePrecisionMode mode) {
        this.mode = mode;
    }

    /** Days since 1970-01-01 in every mode but {@code connect} (a Connect Date) and {@code isostring}. */
    ValueConverter date(boolean optional) {
        return switch (mode) {
            case CONNECT -> simple(build(org.apache.kafka.connect.data.Date.builder(), optional),
                    ConnectTemporals::date);
            case ISOSTRING -> simple(build(iso(LogicalTypes.ISO_DATE), optional), IsoTemporals::date);
            case ADAPTIVE, ADAPTIVE_TIME_MICROSECONDS, MICROSECONDS, NANOSECONDS -> simple(
                    build(SchemaBuilder.int32().name(LogicalTypes.DATE).version(1), optional), TemporalText::epochDays);
        };
    }

    /**
     * time(0..3) as milliseconds (int32), wider as microseconds (int64) in {@code adaptive}; always microseconds in
     * {@code adaptive_time_microseconds} and {@code microseconds}; nanoseconds in {@code nanoseconds}.
     */
    ValueConverter time(int precision, boolean optional) {
        return switch (mode) {
            case CONNECT -> simple(build(org.apache.kafka.connect.data.Time.builder(), optional),
                    ConnectTemporals::time);
            case ISOSTRING -> simple(build(iso(LogicalTypes.ISO_TIME), optional), IsoTemporals::time);
            case NANOSECONDS -> simple(build(int64(LogicalTypes.NANO_TIME), optional), TemporalText::nanosOfDay);
            case ADAPTIVE -> precision >= 0 && precision <= 3
                    ? simple(build(SchemaBuilder.int32().name(LogicalTypes.TIME).version(1), optional),
                            text -> (int) (TemporalText.microsOfDay(text) / 1_000L))
                    : microTime(optional);
            case ADAPTIVE_TIME_MICROSECONDS, MICROSECONDS -> microTime(optional);
        };
    }

    /**
     * timestamp(0..3) as milliseconds, wider (or undeclared) as microseconds in both adaptive modes; always
     * microseconds in {@code microseconds} (infinities where Debezium puts them), nanoseconds in {@code nanoseconds}.
     */
    ValueConverter timestamp(int precision, boolean optional) {
        int effective = precision < 0 ? DEFAULT_TIME_PRECISION : precision;
        return switch (mode) {
            case CONNECT -> simple(build(org.apache.kafka.connect.data.Timestamp.builder(), optional),
                    ConnectTemporals::timestamp);
            case ISOSTRING -> simple(build(iso(LogicalTypes.ISO_TIMESTAMP), optional), IsoTemporals::timestamp);
            case NANOSECONDS -> simple(build(int64(LogicalTypes.NANO_TIMESTAMP), optional),
                    nanosOrNull(optional));
            case MICROSECONDS -> simple(build(int64(LogicalTypes.MICRO_TIMESTAMP), optional),
                    TemporalText::epochMicrosDebeziumInfinity);
            case ADAPTIVE, ADAPTIVE_TIME_MICROSECONDS -> effective <= 3
                    ? simple(build(int64(LogicalTypes.TIMESTAMP), optional),
                            text -> TemporalText.millis(TemporalText.epochMicros(text)))
                    : microTimestamp(optional);
        };
    }

    private static ValueConverter microTime(boolean optional) {
        return simple(build(int64(LogicalTypes.MICRO_TIME), optional), TemporalText::microsOfDay);
    }

    private static ValueConverter microTimestamp(boolean optional) {
        return simple(build(int64(LogicalTypes.MICRO_TIMESTAMP), optional), TemporalText::epochMicros);
    }

    /**
     * Like Debezium, a timestamp that 64 bits of nanoseconds cannot hold is null in an optional field; a required
     * field cannot be null, so the change fails, naming the value.
     */
    private static Function<String, Object> nanosOrNull(boolean optional) {
        return text -> {
            try {
                return TemporalText.epochNanos(text);
            } catch (ArithmeticException e) {
                if (optional) {
                    return null;
                }
                throw new DataException("Timestamp '" + text + "' is outside the range of "
                        + LogicalTypes.NANO_TIMESTAMP + " (1677-09-22 to 2262-04-11); choose another "
                        + "time.precision.mode");
            }
        };
    }

    private static SchemaBuilder int64(String name) {
        return SchemaBuilder.int64().name(name).version(1);
    }

    private static SchemaBuilder iso(String name) {
        return SchemaBuilder.string().name(name).version(1);
    }
}
