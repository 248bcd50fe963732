package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class BenchRecordsTest {

    @Test
    void theSameIdGivesTheSameValueEveryTime() {
        assertThat(BenchRecords.value(123_456)).isEqualTo(BenchRecords.value(123_456));
        assertThat(BenchRecords.value(0)).isEqualTo(BenchRecords.value(0));
    }

    @Test
    void neighbouringIdsGiveDifferentValues() {
        Struct a = BenchRecords.value(41);
        Struct b = BenchRecords.value(42);
        assertThat(a.getString("note")).isNotEqualTo(b.getString("note"));
        assertThat(a.getInt64("id")).isEqualTo(41);
        assertThat(b.getInt64("created_at")).isEqualTo(BenchRecords.BASE_MILLIS + 42);
    }

    @Test
    void valuesMatchTheSchemaAndAreAbout200BytesAsJsonLines() {
        List<Struct> values = LongStream.range(0, 10_000).mapToObj(BenchRecords::value).toList();
        values.forEach(Struct::validate);
        double bytesPerLine = (double) JsonLinesEncoder.encode(values).length / values.size();
        assertThat(bytesPerLine).isBetween(180.0, 220.0);
    }
}
