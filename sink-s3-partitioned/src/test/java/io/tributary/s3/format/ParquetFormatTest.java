package io.tributary.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tributary.s3.DuckDb;
import io.tributary.s3.TestRecords;

/** Parquet files read back by DuckDB, an engine that shares no code with the writer. */
class ParquetFormatTest {

    static final Schema ADDRESS = SchemaBuilder.struct().name("com.acme.Address")
            .field("city", Schema.STRING_SCHEMA)
            .field("zip", Schema.OPTIONAL_STRING_SCHEMA)
            .optional().build();
    static final Schema UUID = SchemaBuilder.string().name("io.debezium.data.Uuid").build();
    static final Schema ROW = SchemaBuilder.struct().name("com.acme.Row")
            .field("id", Schema.INT16_SCHEMA)
            .field("price", Decimal.builder(2).parameter("connect.decimal.precision", "10").build())
            .field("big", Decimal.builder(4).optional().build())
            .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("ts", Timestamp.SCHEMA)
            .field("clock", Time.SCHEMA)
            .field("uid", UUID)
            .field("tags", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).build())
            .field("scores", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.FLOAT64_SCHEMA).build())
            .field("address", ADDRESS)
            .field("raw", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();
    static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path dir;

    static Struct value(long id) {
        return new Struct(ROW).put("id", (short) id).put("price", new BigDecimal("12.30"))
                .put("big", id % 2 == 0 ? null : new BigDecimal("-12345678901234567890.1234"))
                .put("day", Date.from(Instant.parse("2026-01-02T00:00:00Z"))).put("ts", Date.from(AT))
                .put("clock", new Date(AT.toEpochMilli() % 86_400_000L))
                .put("uid", "0b6f3c8e-6a1f-4c57-9d55-9f1a2f0e3c01")
                .put("tags", id % 2 == 0 ? List.of() : java.util.Arrays.asList("a", null, "b"))
                .put("scores", id % 2 == 0 ? Map.of() : Map.of("x", 1.5))
                .put("address", id % 2 == 0 ? null : new Struct(ADDRESS).put("city", "Lyon"))
                .put("raw", id % 2 == 0 ? null : new byte[] {1, 2});
    }

    static SinkRecord row(long offset) {
        return new SinkRecord("t", 0, null, null, ROW, value(offset), offset);
    }

    static byte[] write(RecordFormat format, List<SinkRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = format.open(out, "k")) {
            for (SinkRecord record : records) {
                writer.write(record);
            }
        }
        return out.toByteArray();
    }

    private String save(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "f", ".parquet");
        Files.write(file, bytes);
        return DuckDb.literal(file.toString());
    }

    @ParameterizedTest
    @EnumSource(ParquetCodec.class)
    void writesLogicalTypesNestedStructsListsAndMapsReproducibly(ParquetCodec codec) throws Exception {
        ParquetFormat format = new ParquetFormat(codec, TimestampUnit.MILLIS);

        byte[] bytes = write(format, List.of(row(1), row(2)));

        assertThat(write(format, List.of(row(1), row(2)))).as("a replay writes the same bytes").isEqualTo(bytes);
        String file = save(bytes);
        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.columnTypes("SELECT * FROM read_parquet(" + file + ")")).containsExactly(
                    Map.entry("id", "SMALLINT"), Map.entry("price", "DECIMAL(10,2)"),
                    Map.entry("big", "DECIMAL(38,4)"), Map.entry("day", "DATE"),
                    Map.entry("ts", "TIMESTAMP WITH TIME ZONE"), Map.entry("clock", "TIME WITH TIME ZONE"),
                    Map.entry("uid", "UUID"), Map.entry("tags", "VARCHAR[]"),
                    Map.entry("scores", "MAP(VARCHAR, DOUBLE)"),
                    Map.entry("address", "STRUCT(city VARCHAR, zip VARCHAR)"), Map.entry("raw", "BLOB"));
            List<Map<String, Object>> rows = duck.rows("SELECT id, price::VARCHAR p, big::VARCHAR b, "
                    + "day::VARCHAR d, strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') a, clock::VARCHAR c, uid::VARCHAR u, "
                    + "tags::VARCHAR tg, scores::VARCHAR s, address::VARCHAR ad, hex(raw) r "
                    + "FROM read_parquet(" + file + ") ORDER BY id");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("id", (short) 1).containsEntry("p", "12.30")
                    .containsEntry("b", "-12345678901234567890.1234").containsEntry("d", "2026-01-02")
                    .containsEntry("a", "2026-01-02T03:04:05.678").containsEntry("c", "03:04:05.678+00")
                    .containsEntry("u", "0b6f3c8e-6a1f-4c57-9d55-9f1a2f0e3c01")
                    .containsEntry("tg", "[a, NULL, b]").containsEntry("s", "{x=1.5}")
                    .containsEntry("ad", "{'city': Lyon, 'zip': NULL}").containsEntry("r", "0102");
            assertThat(rows.get(1)).containsEntry("b", null).containsEntry("tg", "[]").containsEntry("s", "{}")
                    .containsEntry("ad", null).containsEntry("r", null);
        }
    }

    @Test
    void timestampsCanBeMicroseconds() throws Exception {
        String file = save(write(new ParquetFormat(ParquetCodec.ZSTD, TimestampUnit.MICROS), List.of(row(1))));

        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.rows("SELECT epoch_us(ts) us FROM read_parquet(" + file + ")"))
                    .containsExactly(Map.of("us", AT.toEpochMilli() * 1000));
        }
    }

    @Test
    void aValueThatIsNotAStructIsOneValueColumn() throws Exception {
        SinkRecord text = new SinkRecord("t", 0, null, null, Schema.STRING_SCHEMA, "hello", 0);

        String file = save(write(new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS), List.of(text)));

        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.rows("SELECT value FROM read_parquet(" + file + ")"))
                    .containsExactly(Map.of("value", "hello"));
        }
    }

    @Test
    void unwritableRecordsAreRejectedAndLeaveTheFileUsable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS).open(out, "k")) {
            assertThatThrownBy(() -> writer.write(TestRecords.schemaless("t", 0, 0, 0, Map.of("id", 1))))
                    .isInstanceOf(DataException.class).hasMessageContaining("needs one");
            writer.write(row(1));
            Struct tooPrecise = value(2).put("price", new BigDecimal("123456789.12"));
            assertThatThrownBy(() -> writer.write(new SinkRecord("t", 0, null, null, ROW, tooPrecise, 2)))
                    .isInstanceOf(DataException.class).hasMessageContaining("t-0@2");
            Struct badUuid = value(3).put("uid", "not-a-uuid");
            assertThatThrownBy(() -> writer.write(new SinkRecord("t", 0, null, null, ROW, badUuid, 3)))
                    .isInstanceOf(DataException.class);
            writer.write(row(5));
        }

        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.rows("SELECT id FROM read_parquet(" + save(out.toByteArray()) + ") ORDER BY id"))
                    .extracting(r -> r.get("id")).containsExactly((short) 1, (short) 5);
        }
    }

    @Test
    void anOpenRowGroupCountsAsBufferedUntilWritten() throws IOException {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(row(i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new ParquetFormat(ParquetCodec.NONE, TimestampUnit.MILLIS).open(out, "k")) {
            assertThat(writer.pendingBytes()).isZero();
            for (SinkRecord record : records) {
                writer.write(record);
            }
            assertThat(writer.pendingBytes()).isGreaterThan(1_000);
            assertThat(out.size()).isLessThan(100);
        }
    }

    @Test
    void nearlyDistinctColumnsAreWrittenPlainFromTheStartGivingTheBytesOfParquetsOwnFallback() throws Exception {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            records.add(new SinkRecord("t", 0, null, null, DictionarySampleTest.EVENT,
                    DictionarySampleTest.event(i), i));
        }

        byte[] sampled = write(new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MICROS), records);
        byte[] parquetAlone = write(new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MICROS, false), records);

        assertThat(sampled).as("Parquet falls back to plain for the same columns, at the same bytes")
                .isEqualTo(parquetAlone);
        String file = save(sampled);
        try (DuckDb duck = DuckDb.open()) {
            Map<Object, Object> encodings = new java.util.HashMap<>();
            for (Map<String, Object> chunk : duck.rows("SELECT path_in_schema p, encodings e FROM parquet_metadata("
                    + file + ")")) {
                encodings.put(chunk.get("p"), chunk.get("e"));
            }
            assertThat(encodings.get("id").toString()).doesNotContain("DICTIONARY");
            assertThat(encodings.get("at").toString()).doesNotContain("DICTIONARY");
            assertThat(encodings.get("kind").toString()).contains("DICTIONARY");
            assertThat(encodings.get("note").toString()).contains("DICTIONARY");
            assertThat(duck.rows("SELECT count(*) n, count(DISTINCT id) ids, max(id) top, "
                    + "count(*) FILTER (WHERE kind = 'kind-' || (id % 4)) kinds FROM read_parquet(" + file + ")"))
                    .containsExactly(mapOf("n", 3_000L, "ids", 3_000L, "top", 2_999L, "kinds", 3_000L));
        }
    }

    @Test
    void theChoiceIsTheSamplesAloneSoAColumnThatRepeatsOnlyAfterItIsWrittenPlain() throws Exception {
        Schema schema = SchemaBuilder.struct().field("cycle", Schema.INT64_SCHEMA).build();
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            records.add(new SinkRecord("t", 0, null, null, schema, new Struct(schema).put("cycle", i % 1_000L), i));
        }

        String sampled = save(write(new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS), records));
        String parquetAlone = save(write(new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS, false),
                records));

        try (DuckDb duck = DuckDb.open()) {
            String encodings = "SELECT encodings e FROM parquet_metadata(%s)";
            assertThat(duck.rows(encodings.formatted(sampled)).get(0).get("e").toString())
                    .as("the first 1,000 values are distinct").doesNotContain("DICTIONARY");
            assertThat(duck.rows(encodings.formatted(parquetAlone)).get(0).get("e").toString())
                    .as("over 10,000 values a dictionary pays").contains("DICTIONARY");
            assertThat(duck.rows("SELECT sum(cycle) s FROM read_parquet(" + sampled + ")"))
                    .containsExactly(Map.of("s", java.math.BigInteger.valueOf(10L * 999 * 1000 / 2)));
        }
    }

    @Test
    void recordsHeldBackForTheSampleCountAsHeldNotYetAsBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new ParquetFormat(ParquetCodec.NONE, TimestampUnit.MILLIS).open(out, "k")) {
            for (int i = 0; i < 10; i++) {
                writer.write(row(i));
            }
            assertThat(out.size()).as("nothing encoded while sampling").isZero();
            assertThat(writer.pendingBytes()).as("their plain size").isBetween(10L * 50, 10L * 200);
            assertThat(writer.heldBytes()).as("their heap").isGreaterThan(writer.pendingBytes());
            for (int i = 10; i < DictionarySample.RECORDS; i++) {
                writer.write(row(i));
            }
            assertThat(writer.heldBytes()).as("an open parquet-java writer, 13 leaf columns")
                    .isEqualTo(writer.pendingBytes() + ParquetFormat.WRITER_BYTES
                            + 13 * ParquetFormat.COLUMN_WRITER_BYTES);
        }
        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.rows("SELECT count(*) n FROM read_parquet(" + save(out.toByteArray()) + ")"))
                    .containsExactly(Map.of("n", (long) DictionarySample.RECORDS));
        }
    }

    @Test
    void readsBackWhatItWroteWithSchemaChangesProjected() throws IOException, SQLException {
        Schema withNote = SchemaBuilder.struct().name("Order").field("id", Schema.INT64_SCHEMA)
                .field("region", Schema.OPTIONAL_STRING_SCHEMA).field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord newer = new SinkRecord("t", 0, null, null, withNote,
                new Struct(withNote).put("id", 1L).put("region", "eu").put("note", "n"), 1);
        SinkRecord older = TestRecords.order("t", 0, 2, 0, "us");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS).open(out, "k")) {
            writer.write(newer);
            assertThat(writer.accepts(older)).isTrue();
            writer.write(older);
        }

        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.rows("SELECT id, region, note FROM read_parquet(" + save(out.toByteArray())
                    + ") ORDER BY id")).containsExactly(
                            mapOf("id", 1L, "region", "eu", "note", "n"),
                            mapOf("id", 2L, "region", "us", "note", null));
        }
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
