package io.tributary.s3.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** Which schema changes a file absorbs (projected onto its schema) and which start a new file, in Avro and Parquet. */
class SchemaEvolutionTest {

    private static final Schema V1 = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    /** V1 plus an optional field. */
    private static final Schema V2_ADDED = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    /** V1 without its optional 'coupon'. */
    private static final Schema V2_REMOVED = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema ID_AS_STRING = SchemaBuilder.struct().name("Order")
            .field("id", Schema.STRING_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema NEW_REQUIRED = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .field("coupon", Schema.OPTIONAL_STRING_SCHEMA)
            .field("amount", Schema.INT32_SCHEMA)
            .build();

    private static SinkRecord record(Schema schema, long id) {
        Struct value = new Struct(schema).put("id", schema.field("id").schema().type() == Schema.Type.STRING
                ? String.valueOf(id) : (Object) id).put("region", "eu");
        if (schema.field("coupon") != null) {
            value.put("coupon", "c" + id);
        }
        if (schema.field("note") != null) {
            value.put("note", "n" + id);
        }
        if (schema.field("amount") != null) {
            value.put("amount", 7);
        }
        return new SinkRecord("t", 0, null, null, schema, value, id);
    }

    @Test
    void onlyChangesThatLoseNothingProject() {
        assertThat(SchemaEvolution.canProject(V1, V2_ADDED)).as("older onto newer with an added optional").isTrue();
        assertThat(SchemaEvolution.canProject(V2_REMOVED, V1)).as("dropped optional onto the file that has it")
                .isTrue();
        assertThat(SchemaEvolution.canProject(V2_ADDED, V1)).as("would drop 'note'").isFalse();
        assertThat(SchemaEvolution.canProject(V1, V2_REMOVED)).as("would drop 'coupon'").isFalse();
        assertThat(SchemaEvolution.canProject(ID_AS_STRING, V1)).as("type change").isFalse();
        assertThat(SchemaEvolution.canProject(V1, NEW_REQUIRED)).as("a required field with no default").isFalse();
        Schema nested = SchemaBuilder.struct().name("Outer").field("order", V1).build();
        Schema nestedNewer = SchemaBuilder.struct().name("Outer").field("order", V2_ADDED).build();
        assertThat(SchemaEvolution.canProject(nested, nestedNewer)).isTrue();
        assertThat(SchemaEvolution.canProject(SchemaBuilder.array(V1).build(), SchemaBuilder.array(V2_ADDED).build()))
                .isTrue();
        assertThat(SchemaEvolution.canProject(SchemaBuilder.array(V2_ADDED).build(), SchemaBuilder.array(V1).build()))
                .isFalse();
    }

    @Test
    void aProjectedValueHasTheTargetSchemaWithMissingOptionalsNull() {
        Struct projected = (Struct) SchemaEvolution.project(V2_REMOVED, record(V2_REMOVED, 1).value(), V1);

        assertThat(projected.schema()).isEqualTo(V1);
        assertThat(projected.get("id")).isEqualTo(1L);
        assertThat(projected.get("coupon")).isNull();
    }

    /** Interleaved producers on V1 and V2 (added optional field) make two files, not one per switch. */
    private static List<List<SinkRecord>> files(Supplier<RecordFileWriter> open, List<SinkRecord> records)
            throws IOException {
        List<List<SinkRecord>> files = new ArrayList<>();
        RecordFileWriter writer = null;
        for (SinkRecord record : records) {
            if (writer == null || !writer.accepts(record)) {
                if (writer != null) {
                    writer.close();
                }
                writer = open.get();
                files.add(new ArrayList<>());
            }
            writer.write(record);
            files.get(files.size() - 1).add(record);
        }
        writer.close();
        return files;
    }

    private static List<SinkRecord> interleaved() {
        return List.of(record(V1, 1), record(V1, 2), record(V2_ADDED, 3), record(V1, 4), record(V2_ADDED, 5),
                record(V1, 6), record(V2_REMOVED, 7), record(V2_ADDED, 8), record(ID_AS_STRING, 9));
    }

    @Test
    void avroRollsOnceForANewOptionalFieldAndForAnIncompatibleChange() throws IOException {
        AvroFormat format = new AvroFormat(AvroCodec.NULL);
        List<ByteArrayOutputStream> outs = new ArrayList<>();

        List<List<SinkRecord>> files = files(() -> {
            outs.add(new ByteArrayOutputStream());
            return format.open(outs.get(outs.size() - 1), "k");
        }, interleaved());

        assertThat(files).extracting(List::size).containsExactly(2, 6, 1);
        List<GenericRecord> second = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
                new SeekableByteArrayInput(outs.get(1).toByteArray()), new GenericDatumReader<>())) {
            reader.forEach(second::add);
        }
        assertThat(second).extracting(r -> r.get("id")).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(second).extracting(r -> String.valueOf(r.get("note")))
                .containsExactly("n3", "null", "n5", "null", "null", "n8");
        assertThat(second).extracting(r -> String.valueOf(r.get("coupon")))
                .containsExactly("c3", "c4", "c5", "c6", "null", "c8");
    }

    @Test
    void parquetRollsOnceForANewOptionalFieldAndForAnIncompatibleChange() throws IOException {
        ParquetFormat format = new ParquetFormat(ParquetCodec.SNAPPY, TimestampUnit.MILLIS);

        List<List<SinkRecord>> files = files(() -> format.open(new ByteArrayOutputStream(), "k"), interleaved());

        assertThat(files).extracting(List::size).containsExactly(2, 6, 1);
    }
}
