package io.tributary.cdc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

/** {@code time.precision.mode} and {@code binary.handling.mode}: each mode, values at the limits, and NULL. */
@SuppressWarnings("unchecked")
class TimeAndBinaryModesTest {

    private final TypeRegistry registry = new TypeRegistry();

    private TypeMapper mapper(TimePrecisionMode time, BinaryHandlingMode binary) {
        return new TypeMapper(registry, DecimalHandlingMode.PRECISE, time, binary);
    }

    private ValueConverter time(TimePrecisionMode mode, int oid, int precision) {
        return mapper(mode, BinaryHandlingMode.BYTES).converter(oid, precision, true);
    }

    private ValueConverter bytea(BinaryHandlingMode mode) {
        return mapper(TimePrecisionMode.ADAPTIVE, mode).converter(PgTypeOids.BYTEA, -1, true);
    }

    @Test
    void adaptiveIsTheDefaultAndUnchanged() {
        TypeMapper defaults = new TypeMapper(registry, DecimalHandlingMode.PRECISE);
        for (int oid : new int[] {PgTypeOids.DATE, PgTypeOids.TIME, PgTypeOids.TIMESTAMP, PgTypeOids.BYTEA}) {
            for (int precision : new int[] {-1, 0, 3, 4, 6}) {
                assertThat(time(TimePrecisionMode.ADAPTIVE, oid, precision).schema())
                        .isEqualTo(defaults.converter(oid, precision, true).schema());
            }
        }
        assertThat(time(TimePrecisionMode.ADAPTIVE, PgTypeOids.TIME, 3).schema().name())
                .isEqualTo(LogicalTypes.TIME);
        assertThat(time(TimePrecisionMode.ADAPTIVE, PgTypeOids.TIME, 6).schema().name())
                .isEqualTo(LogicalTypes.MICRO_TIME);
        assertThat(time(TimePrecisionMode.ADAPTIVE, PgTypeOids.TIMESTAMP, 3).schema().name())
                .isEqualTo(LogicalTypes.TIMESTAMP);
        assertThat(time(TimePrecisionMode.ADAPTIVE, PgTypeOids.DATE, -1).schema().name())
                .isEqualTo(LogicalTypes.DATE);
    }

    @Test
    void adaptiveTimeMicrosecondsMakesEveryTimeMicroTime() {
        for (int precision : new int[] {-1, 0, 3, 6}) {
            ValueConverter converter = time(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, PgTypeOids.TIME, precision);
            assertThat(converter.schema().name()).isEqualTo(LogicalTypes.MICRO_TIME);
            assertThat(converter.schema().type()).isEqualTo(Schema.Type.INT64);
        }
        ValueConverter time0 = time(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, PgTypeOids.TIME, 0);
        assertThat(time0.convert("00:00:00")).isEqualTo(0L);
        assertThat(time0.convert("23:59:59")).isEqualTo(86_399_000_000L);
        assertThat(time0.convert("24:00:00")).isEqualTo(86_400_000_000L);
        assertThat(time0.convert(null)).isNull();
        // dates and timestamps stay adaptive
        assertThat(time(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, PgTypeOids.TIMESTAMP, 3).schema().name())
                .isEqualTo(LogicalTypes.TIMESTAMP);
        assertThat(time(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, PgTypeOids.TIMESTAMP, -1).schema().name())
                .isEqualTo(LogicalTypes.MICRO_TIMESTAMP);
        assertThat(time(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, PgTypeOids.DATE, -1).schema().name())
                .isEqualTo(LogicalTypes.DATE);
    }

    @Test
    void connectDatesAreMidnightUtcDates() {
        ValueConverter date = time(TimePrecisionMode.CONNECT, PgTypeOids.DATE, -1);
        assertThat(date.schema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        assertThat(date.schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(date.convert("1970-01-01")).isEqualTo(new Date(0L));
        assertThat(date.convert("2024-02-29")).isEqualTo(new Date(19_782L * 86_400_000L));
        assertThat(date.convert("0001-01-01 BC"))
                .isEqualTo(new Date(java.time.LocalDate.of(0, 1, 1).toEpochDay() * 86_400_000L));
        assertThat(date.convert("infinity")).isEqualTo(new Date(Integer.MAX_VALUE * 86_400_000L));
        assertThat(date.convert("-infinity")).isEqualTo(new Date(Integer.MIN_VALUE * 86_400_000L));
        assertThat(date.convert(null)).isNull();
        // Connect's own converter accepts what the schema holds
        assertThat(org.apache.kafka.connect.data.Date.fromLogical(date.schema(), (Date) date.convert("2024-02-29")))
                .isEqualTo(19_782);
    }

    @Test
    void connectTimesAreMillisecondsWhateverThePrecision() {
        for (int precision : new int[] {-1, 0, 3, 6}) {
            ValueConverter converter = time(TimePrecisionMode.CONNECT, PgTypeOids.TIME, precision);
            assertThat(converter.schema().name()).isEqualTo(Time.LOGICAL_NAME);
            assertThat(converter.schema().type()).isEqualTo(Schema.Type.INT32);
        }
        ValueConverter time = time(TimePrecisionMode.CONNECT, PgTypeOids.TIME, 6);
        assertThat(time.convert("00:00:00")).isEqualTo(new Date(0L));
        assertThat(time.convert("23:59:59.999999")).isEqualTo(new Date(86_399_999L));
        assertThat(time.convert("12:00:00.123")).isEqualTo(new Date(43_200_123L));
        assertThat(time.convert("24:00:00")).isEqualTo(new Date(86_400_000L));
        assertThat(time.convert(null)).isNull();
        assertThat(Time.fromLogical(time.schema(), (Date) time.convert("24:00:00"))).isEqualTo(86_400_000);
        // time with time zone is a ZonedTime string in every mode
        assertThat(time(TimePrecisionMode.CONNECT, PgTypeOids.TIMETZ, -1).schema().name())
                .isEqualTo(LogicalTypes.ZONED_TIME);
    }

    @Test
    void connectTimestampsAreMillisecondsRoundedDown() {
        for (int precision : new int[] {-1, 0, 3, 6}) {
            assertThat(time(TimePrecisionMode.CONNECT, PgTypeOids.TIMESTAMP, precision).schema().name())
                    .isEqualTo(Timestamp.LOGICAL_NAME);
        }
        ValueConverter ts = time(TimePrecisionMode.CONNECT, PgTypeOids.TIMESTAMP, 6);
        assertThat(ts.schema().type()).isEqualTo(Schema.Type.INT64);
        assertThat(ts.convert("1970-01-01 00:00:00.001999")).isEqualTo(new Date(1L));
        assertThat(ts.convert("1969-12-31 23:59:59.999999")).isEqualTo(new Date(-1L));
        assertThat(ts.convert("9999-12-31 23:59:59.999999")).isEqualTo(new Date(253_402_300_799_999L));
        assertThat(ts.convert("infinity")).isEqualTo(new Date(Long.MAX_VALUE));
        assertThat(ts.convert("-infinity")).isEqualTo(new Date(Long.MIN_VALUE));
        assertThat(ts.convert(null)).isNull();
        assertThat(time(TimePrecisionMode.CONNECT, PgTypeOids.TIMESTAMPTZ, -1).schema().name())
                .isEqualTo(LogicalTypes.ZONED_TIMESTAMP);
        assertThat(time(TimePrecisionMode.CONNECT, PgTypeOids.INTERVAL, -1).schema().name())
                .isEqualTo(LogicalTypes.MICRO_DURATION);
    }

    @Test
    void connectTemporalsHaveAnEpochFallbackWhenRequired() {
        for (int oid : new int[] {PgTypeOids.DATE, PgTypeOids.TIME, PgTypeOids.TIMESTAMP}) {
            Schema required = mapper(TimePrecisionMode.CONNECT, BinaryHandlingMode.BYTES).converter(oid, -1, false)
                    .schema();
            Object fallback = FallbackValues.of(required);
            assertThat(fallback).isEqualTo(new Date(0L));
            Schema row = org.apache.kafka.connect.data.SchemaBuilder.struct().field("v", required).build();
            new Struct(row).put("v", fallback).validate();
        }
    }

    @Test
    void arraysOfDatesFollowTheMode() {
        ValueConverter dates = mapper(TimePrecisionMode.CONNECT, BinaryHandlingMode.BYTES).converter(1182, -1, true);
        assertThat(dates.schema().valueSchema().name()).isEqualTo(org.apache.kafka.connect.data.Date.LOGICAL_NAME);
        assertThat((List<Object>) dates.convert("{1970-01-02,NULL}")).containsExactly(new Date(86_400_000L), null);
    }

    @Test
    void byteaInEachBinaryMode() {
        assertThat(bytea(BinaryHandlingMode.BYTES).schema().type()).isEqualTo(Schema.Type.BYTES);
        assertThat((byte[]) bytea(BinaryHandlingMode.BYTES).convert("\\x00ff")).containsExactly(0, 0xff);
        for (BinaryHandlingMode mode : List.of(BinaryHandlingMode.BASE64, BinaryHandlingMode.BASE64_URL_SAFE,
                BinaryHandlingMode.HEX)) {
            ValueConverter converter = bytea(mode);
            assertThat(converter.schema().type()).isEqualTo(Schema.Type.STRING);
            assertThat(converter.schema().name()).isNull();
            assertThat(converter.convert("\\x")).isEqualTo("");
            assertThat(converter.convert(null)).isNull();
        }
        // 0xfb 0xff 0xbf: '+', '/' in standard Base64, '-', '_' in the URL-safe alphabet
        assertThat(bytea(BinaryHandlingMode.BASE64).convert("\\xfbffbf")).isEqualTo("+/+/");
        assertThat(bytea(BinaryHandlingMode.BASE64_URL_SAFE).convert("\\xfbffbf")).isEqualTo("-_-_");
        assertThat(bytea(BinaryHandlingMode.BASE64).convert("\\x00")).isEqualTo("AA==");
        assertThat(bytea(BinaryHandlingMode.BASE64_URL_SAFE).convert("\\x0000")).isEqualTo("AAA=");
        assertThat(bytea(BinaryHandlingMode.HEX).convert("\\x00ff10AB")).isEqualTo("00ff10ab");
        assertThat(bytea(BinaryHandlingMode.HEX).convert("a\\000\\\\")).isEqualTo("61005c");
        ValueConverter required = mapper(TimePrecisionMode.ADAPTIVE, BinaryHandlingMode.HEX)
                .converter(PgTypeOids.BYTEA, -1, false);
        assertThat(FallbackValues.of(required.schema())).isEqualTo("");
    }

    @Test
    void byteaArraysFollowTheMode() {
        ValueConverter array = mapper(TimePrecisionMode.ADAPTIVE, BinaryHandlingMode.HEX).converter(1001, -1, true);
        assertThat(array.schema().valueSchema().type()).isEqualTo(Schema.Type.STRING);
        assertThat((List<Object>) array.convert("{\"\\\\x01\",NULL,\"\\\\xff\"}")).containsExactly("01", null, "ff");
    }
}
