package io.tributary.benchmarks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ParquetIdsTest {

    @Test
    void readsTheIdOfEveryRow() throws Exception {
        List<Struct> values = LongStream.range(0, 3_000).filter(id -> id != 17).mapToObj(BenchRecords::value)
                .toList();
        byte[] file = ParquetEncoder.encode(ParquetEncoder.messageType(BenchRecords.SCHEMA), Set.of("id"), values);
        IdTally tally = new IdTally(3_000);

        ParquetIds.tally(file, tally);
        ParquetIds.tally(ParquetEncoder.encode(ParquetEncoder.messageType(BenchRecords.SCHEMA), Set.of(),
                List.of(BenchRecords.value(5), BenchRecords.value(4_000))), tally);

        assertThat(tally.lines()).isEqualTo(3_001);
        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.duplicates()).isEqualTo(1);
        assertThat(tally.unexpected()).isEqualTo(1);
    }
}
