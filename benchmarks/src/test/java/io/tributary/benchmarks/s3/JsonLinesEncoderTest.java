package io.tributary.benchmarks.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class JsonLinesEncoderTest {

    @Test
    void writesOneObjectPerLineWithFieldsInSchemaOrder() {
        Struct value = BenchRecords.value(7);
        String line = new String(JsonLinesEncoder.encode(List.of(value)), UTF_8);
        assertThat(line).endsWith("\n").hasLineCount(1);
        assertThat(line).startsWith("{\"id\":7,\"customer\":\"" + value.getString("customer") + "\",\"region\":");
        assertThat(line).contains("\"quantity\":" + value.getInt32("quantity") + ",\"price\":"
                + value.getFloat64("price") + ",\"created_at\":" + (BenchRecords.BASE_MILLIS + 7) + ",\"note\":");
    }

    @Test
    void theIdsOfAnEncodedObjectTallyBackExactly() throws Exception {
        List<Struct> values = LongStream.range(0, 500).mapToObj(BenchRecords::value).toList();
        IdTally tally = new IdTally(1_000);
        SinkOutput.tallyIds(JsonLinesEncoder.encode(values), tally);
        assertThat(tally.lines()).isEqualTo(500);
        assertThat(tally.lost()).isEqualTo(500);
        assertThat(tally.duplicates()).isZero();
    }
}
