package io.tributary.s3.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.tributary.s3.TestRecords;

class AvroFormatTest {

    private static final org.apache.kafka.connect.data.Schema ADDRESS = SchemaBuilder.struct().name("com.acme.Address")
            .field("city", org.apache.kafka.connect.data.Schema.STRING_SCHEMA).optional().build();
    private static final org.apache.kafka.connect.data.Schema ROW = SchemaBuilder.struct().name("com.acme.Row")
            .field("id", org.apache.kafka.connect.data.Schema.INT16_SCHEMA)
            .field("price", Decimal.builder(2).parameter("connect.decimal.precision", "10").build())
            .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("tags", SchemaBuilder.array(org.apache.kafka.connect.data.Schema.STRING_SCHEMA).build())
            .field("scores", SchemaBuilder.map(org.apache.kafka.connect.data.Schema.INT32_SCHEMA,
                    org.apache.kafka.connect.data.Schema.FLOAT64_SCHEMA).build())
            .field("address", ADDRESS)
            .field("raw", org.apache.kafka.connect.data.Schema.OPTIONAL_BYTES_SCHEMA)
            .build();
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05.678Z");

    private static SinkRecord row(long offset) {
        Struct value = new Struct(ROW).put("id", (short) offset).put("price", new BigDecimal("12.30"))
                .put("day", Date.from(Instant.parse("2026-01-02T00:00:00Z"))).put("at", Date.from(AT))
                .put("tags", List.of("a")).put("scores", Map.of(7, 1.5))
                .put("address", new Struct(ADDRESS).put("city", "Lyon"));
        return new SinkRecord("t", 0, null, null, ROW, value, offset);
    }

    private static byte[] write(AvroFormat format, String key, List<SinkRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = format.open(out, key)) {
            for (SinkRecord record : records) {
                writer.write(record);
            }
        }
        return out.toByteArray();
    }

    private static List<GenericRecord> read(byte[] bytes) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableByteArrayInput(bytes),
                new GenericDatumReader<>())) {
            reader.forEach(records::add);
        }
        return records;
    }

    @ParameterizedTest
    @EnumSource(AvroCodec.class)
    void writesLogicalTypesNestedRecordsAndMapsReproducibly(AvroCodec codec) throws IOException {
        AvroFormat format = new AvroFormat(codec);

        byte[] bytes = write(format, "k1", List.of(row(1), row(2)));

        assertThat(write(format, "k1", List.of(row(1), row(2)))).as("a replay writes the same bytes").isEqualTo(bytes);
        List<GenericRecord> records = read(bytes);
        assertThat(records).hasSize(2);
        GenericRecord first = records.get(0);
        Schema schema = first.getSchema();
        assertThat(schema.getName()).isEqualTo("Row");
        assertThat(first.get("id")).isEqualTo(1);
        Schema price = schema.getField("price").schema();
        assertThat(price.getLogicalType()).isEqualTo(LogicalTypes.decimal(10, 2));
        assertThat(new Conversions.DecimalConversion().fromBytes((ByteBuffer) first.get("price"), price,
                price.getLogicalType())).isEqualTo(new BigDecimal("12.30"));
        assertThat(schema.getField("day").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(first.get("day")).isEqualTo(20455);
        assertThat(first.get("at")).isEqualTo(AT.toEpochMilli());
        assertThat(first.get("tags").toString()).isEqualTo("[a]");
        assertThat(first.get("scores").toString()).isEqualTo("[{\"key\": 7, \"value\": 1.5}]");
        assertThat(((GenericRecord) first.get("address")).get("city").toString()).isEqualTo("Lyon");
        assertThat(first.get("raw")).isNull();
    }

    @Test
    void anotherKeyGivesAnotherSyncMarker() throws IOException {
        AvroFormat format = new AvroFormat(AvroCodec.NULL);

        assertThat(write(format, "k1", List.of(row(1)))).isNotEqualTo(write(format, "k2", List.of(row(1))));
    }

    @Test
    void schemalessRecordsAreRejectedAndLeaveTheFileUsable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordFileWriter writer = new AvroFormat(AvroCodec.NULL).open(out, "k")) {
            writer.write(row(1));
            assertThatThrownBy(() -> writer.write(TestRecords.schemaless("t", 0, 2, 0, Map.of("id", 1))))
                    .isInstanceOf(DataException.class).hasMessageContaining("needs one");
            Struct missing = new Struct(ADDRESS);
            SinkRecord invalid = new SinkRecord("t", 0, null, null, ADDRESS, missing, 3);
            assertThatThrownBy(() -> writer.write(invalid)).isInstanceOf(DataException.class);
            writer.write(row(4));
        }

        assertThat(read(out.toByteArray())).extracting(r -> r.get("id")).containsExactly(1, 4);
    }

    @Test
    void aRecordWithAnotherSchemaIsNotAcceptedIntoTheFile() throws IOException {
        try (RecordFileWriter writer = new AvroFormat(AvroCodec.NULL).open(new ByteArrayOutputStream(), "k")) {
            writer.write(row(1));

            assertThat(writer.accepts(row(2))).isTrue();
            assertThat(writer.accepts(TestRecords.order("t", 0, 3, 0, "eu"))).isFalse();
        }
    }
}
