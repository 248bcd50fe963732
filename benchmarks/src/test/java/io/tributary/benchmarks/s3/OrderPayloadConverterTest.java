package io.tributary.benchmarks.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class OrderPayloadConverterTest {

    private final OrderPayloadConverter converter = new OrderPayloadConverter();

    @Test
    void roundTripsABenchmarkRecordAsItsBareJsonLine() {
        Struct value = BenchRecords.value(99);
        byte[] bytes = converter.fromConnectData("t", BenchRecords.SCHEMA, value);
        assertThat(new String(bytes, UTF_8) + "\n")
                .isEqualTo(new String(JsonLinesEncoder.encode(List.of(value)), UTF_8));
        SchemaAndValue back = converter.toConnectData("t", bytes);
        assertThat(back.schema()).isEqualTo(BenchRecords.SCHEMA);
        assertThat(back.value()).isEqualTo(value);
    }

    @Test
    void nullStaysNullAndOtherJsonIsRejected() {
        assertThat(converter.toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
        assertThatThrownBy(() -> converter.toConnectData("t", "{\"nope\":1}".getBytes(UTF_8)))
                .isInstanceOf(DataException.class);
    }
}
