package io.tributary.s3.format;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Page compression inside Parquet files. */
public enum ParquetCodec {
    NONE(CompressionCodecName.UNCOMPRESSED),
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD);

    private final CompressionCodecName name;

    ParquetCodec(CompressionCodecName name) {
        this.name = name;
    }

    CompressionCodecName codecName() {
        return name;
    }
}
