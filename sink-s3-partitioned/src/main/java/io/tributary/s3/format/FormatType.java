package io.tributary.s3.format;

/** The object formats the sink writes. */
public enum FormatType {
    /** One JSON document per line (JSON lines), schemaless records included. */
    JSONL,
    /** Avro object container files; records need a value schema. */
    AVRO,
    /** Apache Parquet files; records need a value schema. */
    PARQUET
}
