package io.tributary.cdc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class TypeMapperTest {

    private final TypeRegistry registry = new TypeRegistry();
    private final TypeMapper precise = new TypeMapper(registry, DecimalHandlingMode.PRECISE);

    private static int numericModifier(int precision, int scale) {
        return ((precision << 16) | (scale & 0x7FF)) + 4;
    }

    private Object convert(int oid, int modifier, String text) {
        return precise.converter(oid, modifier, true).convert(text);
    }

    @Test
    void integersAtTheirLimitsAndNull() {
        assertThat(convert(PgTypeOids.INT2, -1, "-32768")).isEqualTo((short) -32768);
        assertThat(convert(PgTypeOids.INT2, -1, "32767")).isEqualTo((short) 32767);
        assertThat(convert(PgTypeOids.INT4, -1, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(convert(PgTypeOids.INT8, -1, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(convert(PgTypeOids.INT8, -1, null)).isNull();
        assertThat(precise.converter(PgTypeOids.INT2, -1, true).schema().type()).isEqualTo(Schema.Type.INT16);
        assertThat(precise.converter(PgTypeOids.INT4, -1, false).schema().isOptional()).isFalse();
    }

    @Test
    void floatsKeepNaNAndInfinities() {
        assertThat(convert(PgTypeOids.FLOAT4, -1, "NaN")).isEqualTo(Float.NaN);
        assertThat(convert(PgTypeOids.FLOAT4, -1, "3.4028235e+38")).isEqualTo(Float.MAX_VALUE);
        assertThat(convert(PgTypeOids.FLOAT8, -1, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(convert(PgTypeOids.FLOAT8, -1, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert(PgTypeOids.FLOAT8, -1, "4.9e-324")).isEqualTo(Double.MIN_VALUE);
        assertThat(convert(PgTypeOids.FLOAT8, -1, "0.1")).isEqualTo(0.1d);
    }

    @Test
    void numericWithDeclaredScaleIsAConnectDecimal() {
        ValueConverter converter = precise.converter(PgTypeOids.NUMERIC, numericModifier(10, 2), true);
        assertThat(converter.schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(converter.schema().parameters()).containsEntry("scale", "2")
                .containsEntry("connect.decimal.precision", "10");
        assertThat(converter.convert("99999999.99")).isEqualTo(new BigDecimal("99999999.99"));
        assertThat(converter.convert("-0.01")).isEqualTo(new BigDecimal("-0.01"));
        assertThat(converter.convert("NaN")).isNull();
        assertThat(converter.convert(null)).isNull();
    }

    @Test
    void numericWithNegativeScale() {
        ValueConverter converter = precise.converter(PgTypeOids.NUMERIC, numericModifier(3, -2), true);
        assertThat(converter.schema().parameters()).containsEntry("scale", "-2");
        assertThat(converter.convert("12300")).isEqualTo(new BigDecimal("1.23E+4"));
    }

    @Test
    void unconstrainedNumericIsAVariableScaleDecimal() {
        ValueConverter converter = precise.converter(PgTypeOids.NUMERIC, -1, true);
        assertThat(converter.schema().name()).isEqualTo("io.debezium.data.VariableScaleDecimal");
        Struct value = (Struct) converter.convert("-12345678901234567890.123456789");
        assertThat(value.getInt32("scale")).isEqualTo(9);
        assertThat(new BigDecimal(new java.math.BigInteger(value.getBytes("value")), value.getInt32("scale")))
                .isEqualTo(new BigDecimal("-12345678901234567890.123456789"));
        assertThat(converter.convert("Infinity")).isNull();
    }

    @Test
    void numericAsDoubleAndAsString() {
        TypeMapper asDouble = new TypeMapper(registry, DecimalHandlingMode.DOUBLE);
        TypeMapper asString = new TypeMapper(registry, DecimalHandlingMode.STRING);
        assertThat(asDouble.converter(PgTypeOids.NUMERIC, -1, true).convert("1.5")).isEqualTo(1.5d);
        assertThat(asDouble.converter(PgTypeOids.NUMERIC, -1, true).convert("NaN")).isEqualTo(Double.NaN);
        assertThat(asDouble.converter(PgTypeOids.NUMERIC, -1, true).convert("-Infinity"))
                .isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(asString.converter(PgTypeOids.NUMERIC, numericModifier(5, 2), true).convert("12.50"))
                .isEqualTo("12.50");
        assertThat(asString.converter(PgTypeOids.NUMERIC, -1, true).schema().type()).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void booleanTextAndBytea() {
        assertThat(convert(PgTypeOids.BOOL, -1, "t")).isEqualTo(true);
        assertThat(convert(PgTypeOids.BOOL, -1, "f")).isEqualTo(false);
        assertThat(convert(PgTypeOids.TEXT, -1, "")).isEqualTo("");
        assertThat(convert(PgTypeOids.VARCHAR, 14, "héllo")).isEqualTo("héllo");
        assertThat(convert(PgTypeOids.BPCHAR, 9, "ab   ")).isEqualTo("ab   ");
        assertThat((byte[]) convert(PgTypeOids.BYTEA, -1, "\\x00ff10")).containsExactly(0, 0xff, 0x10);
        assertThat((byte[]) convert(PgTypeOids.BYTEA, -1, "\\x")).isEmpty();
        assertThat((byte[]) convert(PgTypeOids.BYTEA, -1, "a\\000\\\\")).containsExactly('a', 0, '\\');
    }

    @Test
    void datesIncludingBcAndInfinity() {
        ValueConverter date = precise.converter(PgTypeOids.DATE, -1, true);
        assertThat(date.schema().name()).isEqualTo("io.debezium.time.Date");
        assertThat(date.convert("1970-01-01")).isEqualTo(0);
        assertThat(date.convert("2024-02-29")).isEqualTo(19_782);
        assertThat(date.convert("1969-12-31")).isEqualTo(-1);
        assertThat(date.convert("0001-01-01 BC")).isEqualTo((int) java.time.LocalDate.of(0, 1, 1).toEpochDay());
        assertThat(date.convert("294276-12-31")).isEqualTo((int) java.time.LocalDate.of(294_276, 12, 31).toEpochDay());
        assertThat(date.convert("infinity")).isEqualTo(Integer.MAX_VALUE);
        assertThat(date.convert("-infinity")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void timesByPrecision() {
        ValueConverter micro = precise.converter(PgTypeOids.TIME, -1, true);
        assertThat(micro.schema().name()).isEqualTo("io.debezium.time.MicroTime");
        assertThat(micro.convert("23:59:59.999999")).isEqualTo(86_399_999_999L);
        assertThat(micro.convert("24:00:00")).isEqualTo(86_400_000_000L);
        assertThat(micro.convert("00:00:00")).isEqualTo(0L);
        ValueConverter milli = precise.converter(PgTypeOids.TIME, 3, true);
        assertThat(milli.schema().name()).isEqualTo("io.debezium.time.Time");
        assertThat(milli.convert("12:00:00.123")).isEqualTo(43_200_123);
        ValueConverter zoned = precise.converter(PgTypeOids.TIMETZ, -1, true);
        assertThat(zoned.schema().name()).isEqualTo("io.debezium.time.ZonedTime");
        assertThat(zoned.convert("10:15:30.5+05:30")).isEqualTo("04:45:30.5Z");
        assertThat(zoned.convert("23:00:00-02")).isEqualTo("01:00:00Z");
    }

    @Test
    void timestampsKeepMicroseconds() {
        ValueConverter micro = precise.converter(PgTypeOids.TIMESTAMP, -1, true);
        assertThat(micro.schema().name()).isEqualTo("io.debezium.time.MicroTimestamp");
        assertThat(micro.convert("2024-01-01 00:00:00.000001")).isEqualTo(1_704_067_200_000_001L);
        assertThat(micro.convert("1969-12-31 23:59:59.999999")).isEqualTo(-1L);
        assertThat(micro.convert("4713-01-01 00:00:00 BC"))
                .isEqualTo(java.time.LocalDateTime.of(-4712, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC)
                        * 1_000_000L);
        assertThat(micro.convert("infinity")).isEqualTo(Long.MAX_VALUE);
        assertThat(micro.convert("294276-12-31 23:59:59.999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(micro.convert("9999-12-31 23:59:59.999999")).isEqualTo(253_402_300_799_999_999L);
        assertThat(micro.convert("-infinity")).isEqualTo(Long.MIN_VALUE);
        ValueConverter milli = precise.converter(PgTypeOids.TIMESTAMP, 3, true);
        assertThat(milli.schema().name()).isEqualTo("io.debezium.time.Timestamp");
        assertThat(milli.convert("1970-01-01 00:00:01.5")).isEqualTo(1_500L);
    }

    @Test
    void timestampsWithTimeZoneBecomeUtcIsoStrings() {
        ValueConverter zoned = precise.converter(PgTypeOids.TIMESTAMPTZ, -1, true);
        assertThat(zoned.schema().name()).isEqualTo("io.debezium.time.ZonedTimestamp");
        assertThat(zoned.convert("2024-01-01 00:00:00.123456+00")).isEqualTo("2024-01-01T00:00:00.123456Z");
        // Debezium prints exactly the column's fractional digits (6 when undeclared).
        assertThat(zoned.convert("2024-01-01 05:30:00+05:30")).isEqualTo("2024-01-01T00:00:00.000000Z");
        assertThat(zoned.convert("2024-01-01 00:00:00.5+00")).isEqualTo("2024-01-01T00:00:00.500000Z");
        assertThat(zoned.convert("1900-01-01 00:00:00+00:09:21")).isEqualTo("1899-12-31T23:50:39.000000Z");
        assertThat(zoned.convert("0044-03-15 12:00:00+00 BC")).isEqualTo("-0043-03-15T12:00:00.000000Z");
        assertThat(zoned.convert("infinity")).isEqualTo("infinity");
        ValueConverter milli = precise.converter(PgTypeOids.TIMESTAMPTZ, 3, true);
        assertThat(milli.convert("1999-12-31 23:59:59.9-08")).isEqualTo("2000-01-01T07:59:59.900Z");
        ValueConverter seconds = precise.converter(PgTypeOids.TIMESTAMPTZ, 0, true);
        assertThat(seconds.convert("2024-01-01 05:30:00+05:30")).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void uuidJsonAndXmlKeepTheirText() {
        assertThat(precise.converter(PgTypeOids.UUID, -1, true).schema().name()).isEqualTo("io.debezium.data.Uuid");
        assertThat(convert(PgTypeOids.UUID, -1, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(precise.converter(PgTypeOids.JSON, -1, true).schema().name()).isEqualTo("io.debezium.data.Json");
        assertThat(precise.converter(PgTypeOids.JSONB, -1, true).schema().name()).isEqualTo("io.debezium.data.Json");
        assertThat(convert(PgTypeOids.JSONB, -1, "{\"a\": [1, null]}")).isEqualTo("{\"a\": [1, null]}");
        assertThat(precise.converter(PgTypeOids.XML, -1, true).schema().name()).isEqualTo("io.debezium.data.Xml");
    }

    @Test
    void arraysOfScalars() {
        ValueConverter ints = precise.converter(1007, -1, true);
        assertThat(ints.schema().type()).isEqualTo(Schema.Type.ARRAY);
        assertThat(ints.schema().valueSchema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(ints.convert("{1,NULL,-3}")).isEqualTo(Arrays.asList(1, null, -3));
        assertThat(ints.convert("{}")).isEqualTo(List.of());
        assertThat(ints.convert("[0:1]={7,8}")).isEqualTo(List.of(7, 8));
        ValueConverter texts = precise.converter(1009, -1, true);
        assertThat(texts.convert("{plain,\"with space\",\"quote\\\"d\",\"NULL\",\"a,b\",\"back\\\\slash\"}"))
                .isEqualTo(List.of("plain", "with space", "quote\"d", "NULL", "a,b", "back\\slash"));
        assertThat(texts.convert("{{a,b},{c,d}}")).isNull();
        ValueConverter dates = precise.converter(1182, -1, true);
        assertThat(dates.convert("{1970-01-02,infinity}")).isEqualTo(List.of(1, Integer.MAX_VALUE));
    }

    @Test
    void enumsAndDomainsAndUnknownTypes() {
        registry.register(new PgType(50_000, "shop", "mood", PgType.Category.ENUM, 0, 0, List.of("sad", "ok")));
        registry.register(new PgType(50_001, "shop", "price", PgType.Category.DOMAIN, 0, PgTypeOids.INT8, List.of()));
        registry.register(new PgType(50_002, "shop", "_mood", PgType.Category.ARRAY, 50_000, 0, List.of()));
        ValueConverter mood = precise.converter(50_000, -1, true);
        assertThat(mood.schema().name()).isEqualTo("io.debezium.data.Enum");
        assertThat(mood.schema().parameters()).containsEntry("allowed", "sad,ok");
        assertThat(mood.convert("ok")).isEqualTo("ok");
        assertThat(precise.converter(50_001, -1, true).convert("12")).isEqualTo(12L);
        assertThat(precise.converter(50_002, -1, true).convert("{sad,ok}")).isEqualTo(List.of("sad", "ok"));
        ValueConverter unknown = precise.converter(99_999, -1, true);
        assertThat(unknown.schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(unknown.convert("(1,2)")).isEqualTo("(1,2)");
    }

    @Test
    void intervalsAsMicroDurations() {
        ValueConverter interval = precise.converter(PgTypeOids.INTERVAL, -1, true);
        assertThat(interval.schema().name()).isEqualTo("io.debezium.time.MicroDuration");
        assertThat(interval.convert("PT0S")).isEqualTo(0L);
        assertThat(interval.convert("PT1.000001S")).isEqualTo(1_000_001L);
        assertThat(interval.convert("P1D")).isEqualTo(86_400_000_000L);
        assertThat(interval.convert("P1M")).isEqualTo(2_629_800_000_000L);
        assertThat(interval.convert("P1Y2M3DT4H5M6.5S")).isEqualTo(14 * 2_629_800_000_000L + 3 * 86_400_000_000L
                + 4 * 3_600_000_000L + 5 * 60_000_000L + 6_500_000L);
        assertThat(interval.convert("P-1Y-2M3DT-4H-5M-6.5S")).isEqualTo(-14 * 2_629_800_000_000L + 3 * 86_400_000_000L
                - 4 * 3_600_000_000L - 5 * 60_000_000L - 6_500_000L);
        assertThat(interval.convert(null)).isNull();
    }

    @Test
    void moneyAndNetworkTypes() {
        ValueConverter money = precise.converter(PgTypeOids.MONEY, -1, true);
        assertThat(money.schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(money.convert("$1,234.56")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(money.convert("-$92,233,720,368,547,758.08")).isEqualTo(new BigDecimal("-92233720368547758.08"));
        assertThat(new TypeMapper(registry, DecimalHandlingMode.STRING).converter(PgTypeOids.MONEY, -1, true)
                .convert("$0.50")).isEqualTo("0.50");
        assertThat(convert(PgTypeOids.INET, -1, "192.168.0.1/24")).isEqualTo("192.168.0.1/24");
        assertThat(convert(PgTypeOids.CIDR, -1, "::1/128")).isEqualTo("::1/128");
        assertThat(convert(PgTypeOids.MACADDR, -1, "08:00:2b:01:02:03")).isEqualTo("08:00:2b:01:02:03");
    }
}
