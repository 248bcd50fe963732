package io.tributary.s3.format;

import java.io.IOException;
import java.io.OutputStream;

import io.tributary.s3.config.S3SinkConnectorConfig;

/** An object format: how records become the bytes of one file, and the file-name extension. */
public interface RecordFormat {

    /** Extension without the leading dot, e.g. {@code jsonl.gz}. */
    String extension();

    /** Heap an open file's encoder and compressor hold besides the encoded bytes, roughly. */
    long bufferAllowanceBytes();

    /**
     * Starts the file {@code fileKey} that writes to {@code out}; closing the writer finishes the file and closes
     * {@code out}. The same records written to the same key must give the same bytes.
     */
    RecordFileWriter open(OutputStream out, String fileKey) throws IOException;

    static RecordFormat of(S3SinkConnectorConfig config) {
        switch (config.format()) {
            case AVRO:
                return new AvroFormat(config.avroCodec());
            case PARQUET:
                return new ParquetFormat(config.parquetCodec(), config.parquetTimestampUnit());
            case JSONL:
            default:
                return new JsonLinesFormat(config.compression());
        }
    }
}
