package io.tributary.s3.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.tributary.s3.TestRecords;

class PathTemplateTest {

    private static final long TIME = Instant.parse("2026-03-04T05:06:07.089Z").toEpochMilli();

    private static PathTemplate utc(String template) {
        return PathTemplate.parse(template, ZoneOffset.UTC, Locale.ENGLISH);
    }

    @Test
    void defaultTemplateIsHiveStyleDateAndHour() {
        SinkRecord record = TestRecords.order("orders", 0, 1, TIME, "eu");

        assertThat(utc("dt=yyyy-MM-dd/hour=HH").render(record, TIME)).isEqualTo("dt=2026-03-04/hour=05");
    }

    @Test
    void rendersInTheConfiguredZoneAndLocale() {
        PathTemplate template = PathTemplate.parse("month=MMM/hour=HH", ZoneId.of("Asia/Tokyo"), Locale.FRENCH);

        assertThat(template.render(TestRecords.order("orders", 0, 1, TIME, "eu"), TIME))
                .isEqualTo("month=mars/hour=14");
    }

    @Test
    void recordFieldsKeyTopicAndPartition() {
        SinkRecord record = TestRecords.order("orders", 3, 1, TIME, "eu-west");

        assertThat(utc("region={value.region}/dt=yyyy-MM-dd").render(record, TIME))
                .isEqualTo("region=eu-west/dt=2026-03-04");
        assertThat(utc("{topic}/p={partition}/yyyy/MM").render(record, TIME)).isEqualTo("orders/p=3/2026/03");
    }

    @Test
    void nestedFieldsOfSchemalessValues() {
        Map<String, Object> value = new HashMap<>();
        value.put("meta", Map.of("country", "FR"));
        SinkRecord record = TestRecords.schemaless("t", 0, 0, TIME, value);

        assertThat(utc("country={value.meta.country}").render(record, TIME)).isEqualTo("country=FR");
    }

    @Test
    void nullOrMissingFieldsGoToHivesDefaultPartition() {
        SinkRecord record = TestRecords.order("orders", 0, 1, TIME, null);

        assertThat(utc("region={value.region}").render(record, TIME))
                .isEqualTo("region=__HIVE_DEFAULT_PARTITION__");
        assertThat(utc("x={value.nope.deeper}").render(record, TIME)).isEqualTo("x=__HIVE_DEFAULT_PARTITION__");
    }

    @Test
    void fieldValuesArePercentEncoded() {
        SinkRecord record = TestRecords.order("orders", 0, 1, TIME, "a/b=c d%é");

        assertThat(utc("region={value.region}").render(record, TIME)).isEqualTo("region=a%2Fb%3Dc%20d%25%C3%A9");
        assertThat(utc("r={value.region}").render(TestRecords.order("o", 0, 1, TIME, ".."), TIME))
                .isEqualTo("r=%2E%2E");
    }

    @Test
    void structFieldsCannotNameAPartition() {
        Map<String, Object> value = Map.of("meta", Map.of("a", 1));
        SinkRecord record = TestRecords.schemaless("t", 0, 0, TIME, value);

        assertThatThrownBy(() -> utc("m={value.meta}").render(record, TIME))
                .isInstanceOf(DataException.class).hasMessageContaining("{value.meta}");
    }

    @Test
    void rejectsBadTemplatesWithAReason() {
        assertThatThrownBy(() -> utc("dt=yyyy-MM-dd/")).hasMessageContaining("empty segment");
        assertThatThrownBy(() -> utc("1dt=yyyy")).hasMessageContaining("not a column name");
        assertThatThrownBy(() -> utc("r={value}")).hasMessageContaining("not a field reference");
        assertThatThrownBy(() -> utc("r=x{value.a}")).hasMessageContaining("whole value");
        assertThatThrownBy(() -> utc("dt=yyyy-MM-ddbb")).hasMessageContaining("not a date-time pattern");
        assertThatThrownBy(() -> utc("dt=")).hasMessageContaining("nothing after");
        assertThatThrownBy(() -> utc(" ")).hasMessageContaining("empty");
    }

    @Test
    void knowsWhetherItUsesTime() {
        assertThat(utc("dt=yyyy").hasTimeFields()).isTrue();
        assertThat(utc("r={value.region}").hasTimeFields()).isFalse();
    }

    @Test
    void rendersEachRecordRightWhenConsecutiveTimesCrossStepBoundaries() {
        PathTemplate hourly = utc("dt=yyyy-MM-dd/hour=HH");
        PathTemplate minutely = utc("dt=yyyy-MM-dd/hour=HH/minute=mm");
        SinkRecord record = TestRecords.order("orders", 0, 1, TIME, "eu");
        long endOfDay = Instant.parse("2026-03-04T23:59:59.999Z").toEpochMilli();

        assertThat(hourly.render(record, endOfDay)).isEqualTo("dt=2026-03-04/hour=23");
        assertThat(hourly.render(record, endOfDay + 1)).isEqualTo("dt=2026-03-05/hour=00");
        assertThat(hourly.render(record, endOfDay)).isEqualTo("dt=2026-03-04/hour=23");
        assertThat(minutely.render(record, TIME)).isEqualTo("dt=2026-03-04/hour=05/minute=06");
        assertThat(minutely.render(record, TIME + 60_000)).isEqualTo("dt=2026-03-04/hour=05/minute=07");
    }

    @Test
    void timeFieldsStayTheSameForTheUnitOfTheFinestField() {
        assertThat(PathTemplate.stepOf("yyyy-MM-dd")).isEqualTo(3_600_000);
        assertThat(PathTemplate.stepOf("HH")).isEqualTo(3_600_000);
        assertThat(PathTemplate.stepOf("HH'h'mm")).isEqualTo(60_000);
        assertThat(PathTemplate.stepOf("'minute'")).isEqualTo(3_600_000);
        assertThat(PathTemplate.stepOf("HHmmss")).isEqualTo(1_000);
        assertThat(PathTemplate.stepOf("HHmmss.SSS")).isEqualTo(1);
    }
}
