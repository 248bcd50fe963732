package io.tributary.benchmarks.s3;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.LongStream;
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
        byte[] file = ParquetEncoder.encode(ParquetEncoder.messageType(BenchRecords.SCHEMA),
                LongStream.range(0, 1_000).mapToObj(BenchRecords::value).toList());
        assertThat(new String(Arrays.copyOfRange(file, 0, 4), US_ASCII)).isEqualTo("PAR1");
        assertThat(new String(Arrays.copyOfRange(file, file.length - 4, file.length), US_ASCII)).isEqualTo("PAR1");
        assertThat(file.length).isLessThan(JsonLinesEncoder.encode(
                LongStream.range(0, 1_000).mapToObj(BenchRecords::value).toList()).length);
    }
}
