package io.tributary.cdc.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

/**
 * {@code time.precision.mode} {@code isostring}, {@code microseconds} and {@code nanoseconds}: schemas, values at the
 * limits, NULL, zero values, arrays, and the types no mode changes. The expected values are Debezium 3.6.1's, as
 * {@code DebeziumEquivalenceIT} compares them.
 */
@SuppressWarnings("unchecked")
class IsoMicroNanoTimeModesTest {

    private final TypeRegistry registry = new TypeRegistry();

    private ValueConverter converter(TimePrecisionMode mode, int oid, int precision, boolean optional) {
        return new TypeMapper(registry, DecimalHandlingMode.PRECISE, mode, BinaryHandlingMode.BYTES)
                .converter(oid, precision, optional);
    }

    private ValueConverter converter(TimePrecisionMode mode, int oid, int precision) {
        return converter(mode, oid, precision, true);
    }

    @Test
    void isoStringDatesAreIsoDatesAtMidnightUtc() {
        ValueConverter date = converter(TimePrecisionMode.ISOSTRING, PgTypeOids.DATE, -1);
        assertThat(date.schema().name()).isEqualTo(LogicalTypes.ISO_DATE);
        assertThat(date.schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(date.convert("2024-02-29")).isEqualTo("2024-02-29Z");
        assertThat(date.convert("0001-01-01")).isEqualTo("0001-01-01Z");
        assertThat(date.convert("0044-03-15 BC")).isEqualTo("-0043-03-15Z");
        assertThat(date.convert("10000-01-01")).isEqualTo("+10000-01-01Z");
        assertThat(date.convert(null)).isNull();
    }

    @Test
    void isoStringTimesHaveOnlyTheDigitsTheyNeedAndMidnightWraps() {
        for (int precision : new int[] {-1, 0, 3, 6}) {
            assertThat(converter(TimePrecisionMode.ISOSTRING, PgTypeOids.TIME, precision).schema().name())
                    .isEqualTo(LogicalTypes.ISO_TIME);
        }
        ValueConverter time = converter(TimePrecisionMode.ISOSTRING, PgTypeOids.TIME, 6);
        assertThat(time.convert("00:00:00")).isEqualTo("00:00:00Z");
        assertThat(time.convert("10:11:12.5")).isEqualTo("10:11:12.5Z");
        assertThat(time.convert("10:11:12.123456")).isEqualTo("10:11:12.123456Z");
        assertThat(time.convert("23:59:59.999999")).isEqualTo("23:59:59.999999Z");
        assertThat(time.convert("24:00:00")).isEqualTo("00:00:00Z");
        assertThat(time.convert(null)).isNull();
    }

    @Test
    void isoStringTimestampsAtTheLimits() {
        ValueConverter ts = converter(TimePrecisionMode.ISOSTRING, PgTypeOids.TIMESTAMP, 3);
        assertThat(ts.schema().name()).isEqualTo(LogicalTypes.ISO_TIMESTAMP);
        assertThat(ts.convert("2024-02-29 10:11:12.000001")).isEqualTo("2024-02-29T10:11:12.000001Z");
        assertThat(ts.convert("1970-01-01 00:00:00")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(ts.convert("0044-03-15 12:00:00.5 BC")).isEqualTo("-0043-03-15T12:00:00.5Z");
        // Debezium reads PgJDBC's millisecond markers of the infinities as microseconds
        assertThat(ts.convert("infinity")).isEqualTo("+294247-01-10T04:00:25.2Z");
        assertThat(ts.convert("-infinity")).isEqualTo("-290308-12-21T19:59:27.6Z");
        assertThat(ts.convert(null)).isNull();
    }

    @Test
    void isoStringZeroValuesAreTheEpochAsDebeziumFillsThem() {
        for (int oid : new int[] {PgTypeOids.DATE, PgTypeOids.TIME, PgTypeOids.TIMESTAMP}) {
            Schema required = converter(TimePrecisionMode.ISOSTRING, oid, -1, false).schema();
            Object zero = FallbackValues.of(required);
            new Struct(SchemaBuilder.struct().field("v", required).build()).put("v", zero).validate();
        }
        assertThat(FallbackValues.of(converter(TimePrecisionMode.ISOSTRING, PgTypeOids.DATE, -1, false).schema()))
                .isEqualTo("1970-01-01Z");
        assertThat(FallbackValues.of(converter(TimePrecisionMode.ISOSTRING, PgTypeOids.TIME, -1, false).schema()))
                .isEqualTo("00:00:00Z");
        assertThat(FallbackValues.of(converter(TimePrecisionMode.ISOSTRING, PgTypeOids.TIMESTAMP, -1, false)
                .schema())).isEqualTo("1970-01-01T00:00:00Z");
    }

    @Test
    void microsecondsWhateverThePrecision() {
        for (int precision : new int[] {-1, 0, 3, 6}) {
            assertThat(converter(TimePrecisionMode.MICROSECONDS, PgTypeOids.TIME, precision).schema().name())
                    .isEqualTo(LogicalTypes.MICRO_TIME);
            assertThat(converter(TimePrecisionMode.MICROSECONDS, PgTypeOids.TIMESTAMP, precision).schema().name())
                    .isEqualTo(LogicalTypes.MICRO_TIMESTAMP);
        }
        ValueConverter date = converter(TimePrecisionMode.MICROSECONDS, PgTypeOids.DATE, -1);
        assertThat(date.schema().name()).isEqualTo(LogicalTypes.DATE);
        assertThat(date.convert("2024-02-29")).isEqualTo(19_782);
        ValueConverter time = converter(TimePrecisionMode.MICROSECONDS, PgTypeOids.TIME, 0);
        assertThat(time.convert("23:59:59.999999")).isEqualTo(86_399_999_999L);
        assertThat(time.convert("24:00:00")).isEqualTo(86_400_000_000L);
        assertThat(time.convert(null)).isNull();
        ValueConverter ts = converter(TimePrecisionMode.MICROSECONDS, PgTypeOids.TIMESTAMP, 0);
        assertThat(ts.convert("1970-01-01 00:00:00.000001")).isEqualTo(1L);
        assertThat(ts.convert("1969-12-31 23:59:59.999999")).isEqualTo(-1L);
        assertThat(ts.convert("0044-03-15 12:00:00.5 BC")).isEqualTo(-63_517_780_799_500_000L);
        // not the ends of the range: where Debezium puts the infinities
        assertThat(ts.convert("infinity")).isEqualTo(9_223_372_036_825_200_000L);
        assertThat(ts.convert("-infinity")).isEqualTo(-9_223_372_036_832_400_000L);
        assertThat(ts.convert(null)).isNull();
    }

    @Test
    void nanosecondsWhateverThePrecision() {
        ValueConverter time = converter(TimePrecisionMode.NANOSECONDS, PgTypeOids.TIME, 3);
        assertThat(time.schema().name()).isEqualTo(LogicalTypes.NANO_TIME);
        assertThat(time.schema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(time.convert("00:00:00.000001")).isEqualTo(1_000L);
        assertThat(time.convert("24:00:00")).isEqualTo(86_400_000_000_000L);
        assertThat(time.convert(null)).isNull();
        assertThat(converter(TimePrecisionMode.NANOSECONDS, PgTypeOids.DATE, -1).schema().name())
                .isEqualTo(LogicalTypes.DATE);
        ValueConverter ts = converter(TimePrecisionMode.NANOSECONDS, PgTypeOids.TIMESTAMP, 3);
        assertThat(ts.schema().name()).isEqualTo(LogicalTypes.NANO_TIMESTAMP);
        assertThat(ts.convert("2024-02-29 10:11:12.000001")).isEqualTo(1_709_201_472_000_001_000L);
        assertThat(ts.convert("1677-09-22 00:00:00")).isEqualTo(-9_223_286_400_000_000_000L);
        assertThat(ts.convert("2262-04-11 23:47:16.854775")).isEqualTo(9_223_372_036_854_775_000L);
        assertThat(ts.convert("infinity")).isEqualTo(Long.MAX_VALUE);
        assertThat(ts.convert("-infinity")).isEqualTo(Long.MIN_VALUE);
        assertThat(ts.convert(null)).isNull();
    }

    @Test
    void nanosecondTimestampsOutsideTheRangeAreNullOrFailWhenRequired() {
        ValueConverter optional = converter(TimePrecisionMode.NANOSECONDS, PgTypeOids.TIMESTAMP, -1);
        // Debezium counts whole days first, so the first day of the range, 1677-09-21, is already outside
        assertThat(optional.convert("1677-09-21 00:12:43.145225")).isNull();
        assertThat(optional.convert("0001-01-01 00:00:00")).isNull();
        assertThat(optional.convert("9999-12-31 23:59:59.999999")).isNull();
        ValueConverter required = converter(TimePrecisionMode.NANOSECONDS, PgTypeOids.TIMESTAMP, -1, false);
        assertThatThrownBy(() -> required.convert("0001-01-01 00:00:00")).isInstanceOf(DataException.class)
                .hasMessageContaining("'0001-01-01 00:00:00'").hasMessageContaining("time.precision.mode");
        assertThat(FallbackValues.of(required.schema())).isEqualTo(0L);
    }

    @Test
    void arraysFollowTheModeAndTimeArraysWrapMidnight() {
        ValueConverter dates = converter(TimePrecisionMode.ISOSTRING, 1182, -1);
        assertThat(dates.schema().valueSchema().name()).isEqualTo(LogicalTypes.ISO_DATE);
        assertThat((List<Object>) dates.convert("{2024-02-29,NULL}")).containsExactly("2024-02-29Z", null);
        ValueConverter times = converter(TimePrecisionMode.MICROSECONDS, 1183, -1);
        assertThat(times.schema().valueSchema().name()).isEqualTo(LogicalTypes.MICRO_TIME);
        // Debezium reads time arrays through java.sql.Time: 24:00:00 is 00:00:00 there, unlike in a time column
        assertThat((List<Object>) times.convert("{24:00:00,00:00:00.5}")).containsExactly(0L, 500_000L);
        ValueConverter timestamps = converter(TimePrecisionMode.NANOSECONDS, 1115, -1);
        assertThat(timestamps.schema().valueSchema().name()).isEqualTo(LogicalTypes.NANO_TIMESTAMP);
        assertThat((List<Object>) timestamps.convert("{\"1970-01-01 00:00:01\",-infinity,\"0001-01-01 00:00:00\"}"))
                .containsExactly(1_000_000_000L, Long.MIN_VALUE, null);
    }

    @Test
    void timestamptzTimetzAndIntervalAreTheSameInEveryMode() {
        for (TimePrecisionMode mode : List.of(TimePrecisionMode.ISOSTRING, TimePrecisionMode.MICROSECONDS,
                TimePrecisionMode.NANOSECONDS)) {
            ValueConverter tstz = converter(mode, PgTypeOids.TIMESTAMPTZ, 3);
            assertThat(tstz.schema().name()).isEqualTo(LogicalTypes.ZONED_TIMESTAMP);
            assertThat(tstz.convert("2024-02-29 10:11:12.1+02")).isEqualTo("2024-02-29T08:11:12.100Z");
            ValueConverter timetz = converter(mode, PgTypeOids.TIMETZ, -1);
            assertThat(timetz.schema().name()).isEqualTo(LogicalTypes.ZONED_TIME);
            assertThat(timetz.convert("10:11:12.5+05:30")).isEqualTo("04:41:12.5Z");
            assertThat(timetz.convert("24:00:00+00")).isEqualTo("00:00:00Z");
            assertThat(converter(mode, PgTypeOids.INTERVAL, -1).schema().name())
                    .isEqualTo(LogicalTypes.MICRO_DURATION);
        }
    }
}
