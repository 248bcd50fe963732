package io.tributary.benchmarks.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The ceiling's Parquet: one file per object with parquet-hadoop's {@code ParquetWriter} and a write support that
 * hands each Struct field straight to the record consumer (snappy through Hadoop's codec classes, dictionary
 * encoding, the sink's page and row-group sizes), written to memory; required columns, strings as UTF-8.
 */
public final class ParquetEncoder {

    /** The sink's row-group and page sizes (its {@code ParquetFormat}), so both write the same file layout. */
    static final long ROW_GROUP_BYTES = 32L * 1024 * 1024;
    static final int PAGE_BYTES = 1024 * 1024;

    private ParquetEncoder() {
    }

    /** The Parquet message type of a flat Connect struct schema. */
    public static MessageType messageType(Schema schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : schema.fields()) {
            switch (field.schema().type()) {
                case INT8, INT16, INT32 -> message.required(PrimitiveTypeName.INT32).named(field.name());
                case INT64 -> message.required(PrimitiveTypeName.INT64).named(field.name());
                case FLOAT32 -> message.required(PrimitiveTypeName.FLOAT).named(field.name());
                case FLOAT64 -> message.required(PrimitiveTypeName.DOUBLE).named(field.name());
                case BOOLEAN -> message.required(PrimitiveTypeName.BOOLEAN).named(field.name());
                case STRING -> message.required(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(field.name());
                default -> throw new IllegalArgumentException("The benchmark records have no "
                        + field.schema().type() + " fields");
            }
        }
        return message.named(schema.name() == null ? "record" : schema.name().replace('.', '_'));
    }

    /** Column names from a comma-separated list ({@code -Dceiling.parquet.plain.columns}), blanks dropped. */
    public static Set<String> plainColumns(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The Parquet file holding {@code values}, which all have {@code type}'s schema; every column starts with a
     * dictionary (Parquet falls back to plain where it does not pay), except {@code plainColumns}, plain from the
     * start.
     */
    public static byte[] encode(MessageType type, Set<String> plainColumns, List<Struct> values) {
        MemoryFile file = new MemoryFile(values.size() * 96);
        Builder builder = new Builder(file, type)
                .withConf(new PlainParquetConfiguration())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryEncoding(true);
        plainColumns.forEach(column -> builder.withDictionaryEncoding(column, false));
        try (ParquetWriter<Struct> writer = builder.build()) {
            for (Struct value : values) {
                writer.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.bytes.toByteArray();
    }

    /** Writes a flat Struct's fields straight to Parquet's record consumer, with no intermediate objects. */
    private static final class StructWriteSupport extends WriteSupport<Struct> {
        private final MessageType type;
        private RecordConsumer consumer;

        StructWriteSupport(MessageType type) {
            this.type = type;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(type, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(type, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Struct value) {
            consumer.startMessage();
            List<Field> fields = value.schema().fields();
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                Object v = value.get(field);
                consumer.startField(field.name(), i);
                switch (field.schema().type()) {
                    case INT8, INT16, INT32 -> consumer.addInteger(((Number) v).intValue());
                    case INT64 -> consumer.addLong(((Number) v).longValue());
                    case FLOAT32 -> consumer.addFloat(((Number) v).floatValue());
                    case FLOAT64 -> consumer.addDouble(((Number) v).doubleValue());
                    case BOOLEAN -> consumer.addBoolean((Boolean) v);
                    // As the sink writes strings: array-backed binaries, cheaper to hash in the dictionary.
                    case STRING -> consumer.addBinary(Binary.fromConstantByteArray(
                            ((String) v).getBytes(StandardCharsets.UTF_8)));
                    default -> throw new IllegalArgumentException("Unexpected " + field.schema().type());
                }
                consumer.endField(field.name(), i);
            }
            consumer.endMessage();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Struct, Builder> {
        private final MessageType type;

        Builder(OutputFile file, MessageType type) {
            super(file);
            this.type = type;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Struct> getWriteSupport(Configuration configuration) {
            return new StructWriteSupport(type);
        }

        @Override
        protected WriteSupport<Struct> getWriteSupport(ParquetConfiguration configuration) {
            return new StructWriteSupport(type);
        }
    }

    /** A Parquet output that is a byte array, so the ceiling uploads from memory as the sink does. */
    private static final class MemoryFile implements OutputFile {
        private final ByteArrayOutputStream bytes;

        MemoryFile(int sizeHint) {
            this.bytes = new ByteArrayOutputStream(sizeHint);
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return stream();
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return stream();
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        private PositionOutputStream stream() {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.write(b, off, len);
                }
            };
        }
    }
}
