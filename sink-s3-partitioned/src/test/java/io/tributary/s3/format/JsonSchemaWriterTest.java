package io.tributary.s3.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The planned writer must write every value exactly as the dynamic {@link JsonValues} does. */
class JsonSchemaWriterTest {

    private static final JsonFactory JSON = new JsonFactory();

    private static final Schema ADDRESS = SchemaBuilder.struct().name("Address").optional()
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_INT32_SCHEMA)
            .build();

    private static final Schema ROW = SchemaBuilder.struct().name("Row")
            .field("id", Schema.INT64_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("json", SchemaBuilder.string().name("io.debezium.data.Json").optional().build())
            .field("ok", Schema.BOOLEAN_SCHEMA)
            .field("ratio", Schema.FLOAT32_SCHEMA)
            .field("price", Decimal.builder(2).optional().build())
            .field("day", org.apache.kafka.connect.data.Date.builder().optional().build())
            .field("time", Time.builder().optional().build())
            .field("at", Timestamp.SCHEMA)
            .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("address", ADDRESS)
            .field("history", SchemaBuilder.array(ADDRESS).optional().build())
            .field("tags", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
            .field("scores", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_FLOAT64_SCHEMA).optional().build())
            .field("byId", SchemaBuilder.map(Schema.INT32_SCHEMA, ADDRESS).optional().build())
            .field("defaulted", SchemaBuilder.int32().defaultValue(42).build())
            .build();

    @Test
    void writesFullRowsAsTheDynamicWriterDoes() throws IOException {
        Struct address = new Struct(ADDRESS).put("city", "Zürich \"centre\"\n").put("zip", 8001);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("a", 1.5);
        scores.put("b", null);
        Struct full = new Struct(ROW).put("id", Long.MIN_VALUE).put("name", "ünïcode ☃ \t")
                .put("note", null).put("json", "{\"k\":1}").put("ok", true).put("ratio", 0.1f)
                .put("price", new BigDecimal("-0.05")).put("day", Date.from(Instant.parse("1969-12-31T00:00:00Z")))
                .put("time", new Date(3_723_004)).put("at", Date.from(Instant.parse("2026-01-02T03:04:05.678Z")))
                .put("raw", ByteBuffer.wrap(new byte[] {0, -1, 2})).put("address", address)
                .put("history", Arrays.asList(address, null)).put("tags", Arrays.asList("x", null, ""))
                .put("scores", scores).put("byId", Map.of(7, address));

        assertSame(ROW, full);
    }

    @Test
    void writesSparseRowsAndDefaultsAsTheDynamicWriterDoes() throws IOException {
        Struct sparse = new Struct(ROW).put("id", 1L).put("name", "").put("ok", false).put("ratio", Float.NaN)
                .put("at", new Date(0)).put("address", null);

        assertSame(ROW, sparse);
        assertThat(planned(ROW, sparse)).contains("\"defaulted\":42");
    }

    @Test
    void aStructOfAnEqualSchemaInstanceOrOfAnotherSchemaIsStillWrittenRight() throws IOException {
        Schema copy = SchemaBuilder.struct().name("Address").optional()
                .field("city", Schema.STRING_SCHEMA).field("zip", Schema.OPTIONAL_INT32_SCHEMA).build();
        Schema other = SchemaBuilder.struct().name("Other").field("zip", Schema.INT32_SCHEMA)
                .field("city", Schema.STRING_SCHEMA).build();

        assertSame(ADDRESS, new Struct(copy).put("city", "Bern").put("zip", 3000));
        assertThat(planned(ADDRESS, new Struct(other).put("zip", 3000).put("city", "Bern")))
                .isEqualTo("{\"zip\":3000,\"city\":\"Bern\"}");
    }

    @Test
    void valuesThatDoNotMatchTheirSchemasShapeFallBackToTheDynamicWriter() throws IOException {
        assertSame(Schema.STRING_SCHEMA, 12L);
        assertSame(ADDRESS, "a string where a struct belongs");
        assertSame(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), "not a list");
        assertSame(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build(), List.of(1, 2));
    }

    private static void assertSame(Schema schema, Object value) throws IOException {
        assertThat(planned(schema, value)).isEqualTo(dynamic(schema, value));
    }

    private static String planned(Schema schema, Object value) throws IOException {
        JsonSchemaWriter writer = JsonSchemaWriter.of(schema);
        return render(json -> writer.write(json, value));
    }

    private static String dynamic(Schema schema, Object value) throws IOException {
        return render(json -> JsonValues.write(json, schema, value));
    }

    private interface Write {
        void to(JsonGenerator json) throws IOException;
    }

    private static String render(Write write) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write.to(json);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
