package io.tributary.s3.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.tributary.s3.MutableClock;
import io.tributary.s3.TestRecords;
import io.tributary.s3.config.TimestampSource;

class RecordPartitionerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final long TIME = Instant.parse("2026-07-01T10:20:30Z").toEpochMilli();

    private static long fieldTime(Object value, ZoneId zone) {
        TimestampExtractor extractor = TimestampExtractor.of(TimestampSource.RECORD_FIELD, "meta.ts", zone, null);
        return extractor.extract(TestRecords.schemaless("t", 0, 0, 0, Map.of("meta", Map.of("ts", value))));
    }

    @Test
    void recordTimestamp() {
        TimestampExtractor extractor = TimestampExtractor.of(TimestampSource.RECORD, "", ZoneOffset.UTC, null);

        assertThat(extractor.extract(TestRecords.order("t", 0, 0, TIME, "eu"))).isEqualTo(TIME);
        assertThat(extractor.deterministic()).isTrue();
        SinkRecord noTimestamp = new SinkRecord("t", 0, null, null, null, "v", 0, null,
                TimestampType.NO_TIMESTAMP_TYPE);
        assertThatThrownBy(() -> extractor.extract(noTimestamp)).isInstanceOf(DataException.class)
                .hasMessageContaining("no timestamp");
    }

    @Test
    void fieldHoldingATimestampDateOrEpochMillis() {
        assertThat(fieldTime(new Date(TIME), ZoneOffset.UTC)).isEqualTo(TIME);
        assertThat(fieldTime(TIME, ZoneOffset.UTC)).isEqualTo(TIME);
    }

    @Test
    void fieldHoldingIsoStrings() {
        assertThat(fieldTime("2026-07-01T10:20:30Z", PARIS)).isEqualTo(TIME);
        assertThat(fieldTime("2026-07-01T12:20:30+02:00", ZoneOffset.UTC)).isEqualTo(TIME);
        assertThat(fieldTime("2026-07-01T12:20:30+02:00[Europe/Paris]", ZoneOffset.UTC)).isEqualTo(TIME);
        assertThat(fieldTime("2026-07-01T12:20:30", PARIS)).isEqualTo(TIME);
        assertThat(fieldTime("2026-07-01", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-07-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void fieldOfAStructWithTimestampSchema() {
        Schema schema = SchemaBuilder.struct().field("ts", Timestamp.SCHEMA).build();
        SinkRecord record = new SinkRecord("t", 0, null, null, schema, new Struct(schema).put("ts", new Date(TIME)), 0);
        TimestampExtractor extractor = TimestampExtractor.of(TimestampSource.RECORD_FIELD, "ts", ZoneOffset.UTC, null);

        assertThat(extractor.extract(record)).isEqualTo(TIME);
    }

    @Test
    void badFieldValuesNameTheFieldAndRecord() {
        assertThatThrownBy(() -> fieldTime("yesterday", ZoneOffset.UTC)).isInstanceOf(DataException.class)
                .hasMessageContaining("meta.ts").hasMessageContaining("t-0@0").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> fieldTime(1.5, ZoneOffset.UTC)).isInstanceOf(DataException.class)
                .hasMessageContaining("Double");
    }

    @Test
    void wallClock() {
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(TIME));
        TimestampExtractor extractor = TimestampExtractor.of(TimestampSource.WALLCLOCK, "", ZoneOffset.UTC, clock);

        assertThat(extractor.extract(TestRecords.order("t", 0, 0, 5, "eu"))).isEqualTo(TIME);
        assertThat(extractor.deterministic()).isFalse();
    }

    @Test
    void partitionDurationRoundsDownInTheZone() {
        long quarter = 15 * 60_000L;
        assertThat(Instant.ofEpochMilli(RecordPartitioner.floor(TIME, quarter, ZoneOffset.UTC)))
                .isEqualTo(Instant.parse("2026-07-01T10:15:00Z"));
        long day = 24 * 3_600_000L;
        // Midnight in Paris (UTC+2 in July), not in UTC.
        assertThat(Instant.ofEpochMilli(RecordPartitioner.floor(TIME, day, PARIS)))
                .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    }

    @Test
    void placesRecordsByTemplateAndRoundedTime() {
        RecordPartitioner partitioner = new RecordPartitioner(
                TimestampExtractor.of(TimestampSource.RECORD, "", ZoneOffset.UTC, null),
                PathTemplate.parse("region={value.region}/dt=yyyy-MM-dd/t=HHmm", ZoneOffset.UTC, Locale.ROOT),
                ZoneOffset.UTC, 15 * 60_000L);

        RecordPartitioner.Placement placement = partitioner.place(TestRecords.order("t", 0, 0, TIME, "eu"));

        assertThat(placement.path()).isEqualTo("region=eu/dt=2026-07-01/t=1015");
        assertThat(placement.timeMillis()).isEqualTo(TIME);
    }
}
