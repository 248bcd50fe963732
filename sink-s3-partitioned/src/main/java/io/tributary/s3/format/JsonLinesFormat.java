package io.tributary.s3.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** JSON lines: each record value as one line of JSON, optionally gzip- or zstd-compressed as a whole. */
public final class JsonLinesFormat implements RecordFormat {

    private static final JsonFactory JSON = new JsonFactory();

    private final Compression compression;

    public JsonLinesFormat(Compression compression) {
        this.compression = compression;
    }

    @Override
    public String extension() {
        return "jsonl" + compression.suffix();
    }

    @Override
    public long bufferAllowanceBytes() {
        // Jackson's generator buffers, plus the compressor's: a small gzip buffer, zstd's ~128 KiB output buffer.
        long compressor = compression == Compression.ZSTD ? 136 * 1024 : compression == Compression.GZIP ? 8 * 1024 : 0;
        return 16 * 1024 + compressor;
    }

    @Override
    public RecordFileWriter open(OutputStream out, String fileKey) throws IOException {
        return new Writer(compression.wrap(out));
    }

    private static final class Writer implements RecordFileWriter {
        private final OutputStream out;
        // Each record is encoded here first, so one that fails half-way never reaches the file.
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        private JsonGenerator json;
        /** The writer planned for the schema of the last record with one. */
        private Schema planned;
        private JsonSchemaWriter plan;

        Writer(OutputStream out) throws IOException {
            this.out = out;
            this.json = generator();
        }

        private JsonGenerator generator() throws IOException {
            JsonGenerator generator = JSON.createGenerator(line);
            generator.setRootValueSeparator(null);
            return generator;
        }

        @Override
        public void write(SinkRecord record) throws IOException {
            line.reset();
            try {
                Schema schema = record.valueSchema();
                if (schema == null || record.value() == null) {
                    JsonValues.write(json, schema, record.value());
                } else {
                    planFor(schema).write(json, record.value());
                }
                json.flush();
            } catch (RuntimeException e) {
                json = generator(); // the old one is inside an unfinished value
                line.reset();
                throw e;
            }
            line.write('\n');
            line.writeTo(out);
        }

        private JsonSchemaWriter planFor(Schema schema) {
            if (schema != planned) {
                if (planned == null || !planned.equals(schema)) {
                    plan = JsonSchemaWriter.of(schema);
                }
                planned = schema;
            }
            return plan;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
