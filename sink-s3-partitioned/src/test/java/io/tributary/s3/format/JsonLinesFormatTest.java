package io.tributary.s3.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tributary.s3.TestRecords;

class JsonLinesFormatTest {

    private static final Schema ROW = SchemaBuilder.struct().name("Row")
            .field("id", Schema.INT32_SCHEMA)
            .field("price", Decimal.schema(2))
            .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).build())
            .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static byte[] write(JsonLinesFormat format, List<SinkRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = format.open(out, "key")) {
            for (SinkRecord record : records) {
                writer.write(record);
            }
        }
        return out.toByteArray();
    }

    private static String read(Compression compression, byte[] bytes) throws IOException {
        try (InputStream in = compression.unwrap(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    @Test
    void writesStructsWithLogicalTypesAsOneLineEach() throws IOException {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        Struct row = new Struct(ROW).put("id", 7).put("price", new BigDecimal("12.30"))
                .put("day", Date.from(Instant.parse("2026-01-02T00:00:00Z"))).put("at", Date.from(at))
                .put("tags", List.of("a", "b")).put("attrs", Map.of("w", 1.5)).put("raw", new byte[] {1, 2, 3});
        SinkRecord record = new SinkRecord("t", 0, null, null, ROW, row, 0);

        String text = read(Compression.NONE, write(new JsonLinesFormat(Compression.NONE), List.of(record, record)));

        String line = "{\"id\":7,\"price\":\"12.30\",\"day\":\"2026-01-02\",\"at\":\"2026-01-02T03:04:05.678Z\","
                + "\"tags\":[\"a\",\"b\"],\"attrs\":{\"w\":1.5},\"raw\":\"AQID\",\"note\":null}\n";
        assertThat(text).isEqualTo(line + line);
    }

    @Test
    void writesSchemalessMapsAndPrimitives() throws IOException {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("n", 1L);
        value.put("nested", Map.of("ok", true));
        value.put("list", List.of(1, "x"));

        String text = read(Compression.NONE, write(new JsonLinesFormat(Compression.NONE), List.of(
                TestRecords.schemaless("t", 0, 0, 0, value),
                new SinkRecord("t", 0, null, null, null, "plain", 1))));

        assertThat(text).isEqualTo("{\"n\":1,\"nested\":{\"ok\":true},\"list\":[1,\"x\"]}\n\"plain\"\n");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void compressesWholeFilesReproducibly(Compression compression) throws IOException {
        JsonLinesFormat format = new JsonLinesFormat(compression);
        List<SinkRecord> records = List.of(TestRecords.order("t", 0, 0, 0, "eu"),
                TestRecords.order("t", 0, 1, 0, "us"));

        byte[] first = write(format, records);
        byte[] replay = write(format, records);

        assertThat(replay).as("a replay writes the same bytes").isEqualTo(first);
        assertThat(read(compression, first))
                .isEqualTo("{\"id\":0,\"region\":\"eu\"}\n{\"id\":1,\"region\":\"us\"}\n");
        assertThat(format.extension()).isEqualTo("jsonl" + compression.suffix());
    }

    @Test
    void aRecordThatCannotBeWrittenLeavesTheFileUnchanged() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new JsonLinesFormat(Compression.NONE).open(out, "key")) {
            writer.write(TestRecords.order("t", 0, 0, 0, "eu"));
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("ok", 1);
            bad.put("bad", new Object());
            assertThatThrownBy(() -> writer.write(TestRecords.schemaless("t", 0, 1, 0, bad)))
                    .isInstanceOf(DataException.class).hasMessageContaining("java.lang.Object");
            writer.write(TestRecords.order("t", 0, 2, 0, "us"));
        }

        assertThat(out.toString(UTF_8)).isEqualTo("{\"id\":0,\"region\":\"eu\"}\n{\"id\":2,\"region\":\"us\"}\n");
    }
}
