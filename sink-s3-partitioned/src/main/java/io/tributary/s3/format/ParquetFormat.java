package io.tributary.s3.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet files of the record values, written with parquet-java but no Hadoop at runtime (plain configuration, our
 * own codecs, our own output file). A file's schema is its first record's; later records whose schema projects onto
 * it (see {@link SchemaEvolution}) join it, others start the next file. A file's first records are held back until
 * they show which columns a dictionary would not shrink ({@link DictionarySample}); those are written plain from the
 * start. Parquet holds no timestamps or random values, and that choice depends on the file's records only, so the
 * same records give the same bytes.
 */
public final class ParquetFormat implements RecordFormat {

    /** Row groups close at this size; files are usually smaller, so most hold one. */
    static final long ROW_GROUP_BYTES = 32L * 1024 * 1024;
    private static final int PAGE_BYTES = 1024 * 1024;

    private final ParquetCodec codec;
    private final TimestampUnit timestampUnit;
    private final ParquetValues values;

    private final boolean sampleDictionaries;

    public ParquetFormat(ParquetCodec codec, TimestampUnit timestampUnit) {
        this(codec, timestampUnit, true);
    }

    /** With {@code sampleDictionaries} false every column starts with a dictionary and Parquet alone decides. */
    ParquetFormat(ParquetCodec codec, TimestampUnit timestampUnit, boolean sampleDictionaries) {
        this.codec = codec;
        this.timestampUnit = timestampUnit;
        this.values = new ParquetValues(timestampUnit);
        this.sampleDictionaries = sampleDictionaries;
    }

    @Override
    public String extension() {
        return "parquet";
    }

    /**
     * Heap an open parquet-java writer takes before any data: its record consumer and file writer, then per leaf
     * column the value, level and dictionary writers, page store and statistics. Measured on parquet-java 1.18 with
     * snappy: about 40 KiB plus 20 KiB per column (an 8-column file ~200 KiB, a 32-column one ~670 KiB).
     */
    static final long WRITER_BYTES = 48 * 1024;
    static final long COLUMN_WRITER_BYTES = 24 * 1024;

    @Override
    public long bufferAllowanceBytes() {
        return 4 * 1024; // the writer's own objects; the rest is in heldBytes(), sample or open parquet-java writer
    }

    @Override
    public RecordFileWriter open(OutputStream out, String fileKey) {
        return new Writer(new CountingOutputStream(out));
    }

    private final class Writer implements RecordFileWriter {
        private final CountingOutputStream out;
        private final SchemaEvolution.FileSchema fileSchema = new SchemaEvolution.FileSchema();
        private MessageType message;
        /** The file's first records, until they show which columns to write without a dictionary. */
        private DictionarySample sample;
        private ParquetWriter<Object> file;
        /** The open parquet-java writer's own heap, from its leaf columns; set when it opens. */
        private long writerBytes;

        Writer(CountingOutputStream out) {
            this.out = out;
        }

        @Override
        public boolean accepts(SinkRecord record) {
            return fileSchema.fits(record.valueSchema());
        }

        @Override
        public void write(SinkRecord record) throws IOException {
            Schema recordSchema = record.valueSchema();
            if (recordSchema == null) {
                throw new DataException(where(record) + " has no value schema; format 'parquet' needs one (use a "
                        + "converter with schemas, or format 'jsonl')");
            }
            Schema schema = fileSchema.schema() == null ? recordSchema : fileSchema.schema();
            Object value;
            try {
                value = SchemaEvolution.project(recordSchema, record.value(), schema);
                values.write(ParquetValues.DRY_RUN, schema, value);
            } catch (DataException e) {
                throw new DataException(where(record) + " cannot be written as Parquet: " + e.getMessage(), e);
            }
            if (fileSchema.schema() == null) {
                try {
                    message = ParquetSchemas.toParquet(schema, timestampUnit);
                } catch (DataException e) {
                    throw new DataException(where(record) + " cannot be written as Parquet: " + e.getMessage(), e);
                }
                fileSchema.set(schema);
                sample = new DictionarySample(schema);
            }
            if (file != null) {
                file.write(value);
                return;
            }
            sample.add(value);
            if (sample.full() || !sampleDictionaries) {
                openFile();
            }
        }

        /** Starts the Parquet file with the sample's choice of plain columns and writes the sampled records. */
        private void openFile() throws IOException {
            Schema schema = fileSchema.schema();
            Builder builder = new Builder(new StreamOutputFile(out), new ConnectWriteSupport(message, schema, values))
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(ParquetCompressors.INSTANCE)
                    .withCompressionCodec(codec.codecName())
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withRowGroupSize(ROW_GROUP_BYTES)
                    .withPageSize(PAGE_BYTES)
                    .withDictionaryEncoding(true)
                    .withValidation(false);
            for (String column : sample.plainColumns()) {
                builder.withDictionaryEncoding(column, false);
            }
            file = builder.build();
            writerBytes = WRITER_BYTES + COLUMN_WRITER_BYTES * message.getColumns().size();
            for (Object value : sample.values()) {
                file.write(value);
            }
            sample = null;
        }

        @Override
        public long pendingBytes() {
            if (file == null) {
                return sample == null ? 0 : sample.plainBytes();
            }
            return Math.max(0, file.getDataSize() - out.position());
        }

        @Override
        public long heldBytes() {
            if (file == null) {
                return sample == null ? 0 : sample.heapBytes();
            }
            return pendingBytes() + writerBytes;
        }

        @Override
        public void close() throws IOException {
            if (file == null && sample != null) {
                openFile();
            }
            if (file != null) {
                file.close();
            } else {
                out.close();
            }
        }

        private String where(SinkRecord record) {
            return "Record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
        }
    }

    /** Hands Connect values to {@link ParquetValues} against one schema. */
    private static final class ConnectWriteSupport extends WriteSupport<Object> {
        private final MessageType message;
        private final Schema schema;
        private final ParquetValues values;
        private RecordConsumer consumer;

        ConnectWriteSupport(MessageType message, Schema schema, ParquetValues values) {
            this.message = message;
            this.schema = schema;
            this.values = values;
        }

        @Override
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            throw new UnsupportedOperationException("written without Hadoop: init(ParquetConfiguration) only");
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(message, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object value) {
            values.write(consumer, schema, value);
        }

        @Override
        public String getName() {
            return "tributary-connect";
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object, Builder> {
        private final WriteSupport<Object> support;

        Builder(OutputFile file, WriteSupport<Object> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(org.apache.hadoop.conf.Configuration configuration) {
            throw new UnsupportedOperationException("written without Hadoop: getWriteSupport(ParquetConfiguration)");
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }

    /** The file's one stream; Parquet asks for it once and closes it when the footer is written. */
    private static final class StreamOutputFile implements OutputFile {
        private final CountingOutputStream out;

        StreamOutputFile(CountingOutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return out;
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return out;
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }

    private static final class CountingOutputStream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        CountingOutputStream(OutputStream out) {
            this.out = out;
        }

        long position() {
            return position;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
