package io.tributary.benchmarks.s3;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;

class ParquetEncoderTest {

    @Test
    void mapsEveryFieldToARequiredColumn() {
        MessageType type = ParquetEncoder.messageType(BenchRecords.SCHEMA);
        assertThat(type.getFieldCount()).isEqualTo(BenchRecords.SCHEMA.fields().size());
        assertThat(type.toString()).contains("required int64 id", "required binary customer (STRING)",
                "required int32 quantity", "required double price");
    }

    @Test
    void writesAParquetFileInMemory() {
        byte[] file = ParquetEncoder.encode(ParquetEncoder.messageType(BenchRecords.SCHEMA), Set.of(),
                LongStream.range(0, 1_000).mapToObj(BenchRecords::value).toList());
        assertThat(new String(Arrays.copyOfRange(file, 0, 4), US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(Arrays.copyOfRange(file, file.length - 4, file.length), US_ASCII)).isEqualTo("PAR1");
        assertThat(file.length).isLessThan(JsonLinesEncoder.encode(
                LongStream.range(0, 1_000).mapToObj(BenchRecords::value).toList()).length);
    }

    @Test
    void columnsListedPlainGiveTheFileParquetFallsBackToForUniqueValues() {
        MessageType type = ParquetEncoder.messageType(BenchRecords.SCHEMA);
        List<Struct> values = LongStream.range(0, 1_000).mapToObj(BenchRecords::value).toList();

        assertThat(ParquetEncoder.plainColumns(" id, created_at ,,")).containsExactlyInAnyOrder("id", "created_at");
        assertThat(ParquetEncoder.encode(type, ParquetEncoder.plainColumns("id,created_at"), values))
                .isEqualTo(ParquetEncoder.encode(type, Set.of(), values));
        assertThat(ParquetEncoder.encode(type, Set.of("region"), values))
                .as("region repeats: Parquet keeps its dictionary")
                .isNotEqualTo(ParquetEncoder.encode(type, Set.of(), values));
    }
}
