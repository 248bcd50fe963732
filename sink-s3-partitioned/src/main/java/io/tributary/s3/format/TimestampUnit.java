package io.tributary.s3.format;

/** The unit a Parquet TIMESTAMP column stores; Connect timestamps carry milliseconds either way. */
public enum TimestampUnit {
    MILLIS,
    MICROS
}
