package io.tributary.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Avro object container files of the record values. A file's schema is its first record's; later records whose
 * schema projects onto it (see {@link SchemaEvolution}) join it, others close the file and start the next. The
 * sync marker derives from the object key, so a replay writes the same bytes.
 */
public final class AvroFormat implements RecordFormat {

    private static final int SCHEMA_CACHE_SIZE = 64;

    private final AvroCodec codec;
    private final Map<org.apache.kafka.connect.data.Schema, Schema> schemas =
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<org.apache.kafka.connect.data.Schema, Schema> eldest) {
                    return size() > SCHEMA_CACHE_SIZE;
                }
            };

    public AvroFormat(AvroCodec codec) {
        this.codec = codec;
    }

    @Override
    public String extension() {
        return "avro";
    }

    @Override
    public long bufferAllowanceBytes() {
        return 96 * 1024; // a block buffered up to the 64 KiB sync interval, and the codec's
    }

    @Override
    public RecordFileWriter open(OutputStream out, String fileKey) {
        return new Writer(out, syncMarker(fileKey));
    }

    private Schema avroSchema(org.apache.kafka.connect.data.Schema connect) {
        return schemas.computeIfAbsent(connect, AvroSchemas::toAvro);
    }

    private static byte[] syncMarker(String fileKey) {
        try {
            return MessageDigest.getInstance("MD5").digest(fileKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }

    private final class Writer implements RecordFileWriter {
        private final OutputStream out;
        private final byte[] sync;
        private final SchemaEvolution.FileSchema connectSchema = new SchemaEvolution.FileSchema();
        private Schema schema;
        private DataFileWriter<Object> file;

        Writer(OutputStream out, byte[] sync) {
            this.out = out;
            this.sync = sync;
        }

        @Override
        public boolean accepts(SinkRecord record) {
            return connectSchema.fits(record.valueSchema());
        }

        @Override
        public void write(SinkRecord record) throws IOException {
            org.apache.kafka.connect.data.Schema valueSchema = record.valueSchema();
            if (valueSchema == null) {
                throw new DataException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                        + record.kafkaOffset() + " has no value schema; format 'avro' needs one (use a converter "
                        + "with schemas, or format 'jsonl')");
            }
            org.apache.kafka.connect.data.Schema target = connectSchema.schema() == null
                    ? valueSchema : connectSchema.schema();
            Schema recordSchema = schema != null ? schema : avroSchema(target);
            Object datum;
            try {
                Object value = SchemaEvolution.project(valueSchema, record.value(), target);
                datum = AvroValues.convert(recordSchema, target, value);
            } catch (ClassCastException e) {
                throw new DataException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                        + record.kafkaOffset() + " does not match its own schema: " + e.getMessage(), e);
            }
            if (!GenericData.get().validate(recordSchema, datum)) {
                throw new DataException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                        + record.kafkaOffset() + " cannot be written with Avro schema " + recordSchema);
            }
            if (file == null) {
                connectSchema.set(valueSchema);
                schema = recordSchema;
                file = new DataFileWriter<>(new GenericDatumWriter<>(schema)).setCodec(codec.factory());
                file.create(schema, out, sync);
            }
            file.append(datum);
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                file.close();
            } else {
                out.close();
            }
        }
    }
}
