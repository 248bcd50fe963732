package io.tributary.s3.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.tributary.common.config.EnumParser;
import io.tributary.s3.format.AvroCodec;
import io.tributary.s3.format.Compression;
import io.tributary.s3.format.FormatType;
import io.tributary.s3.format.ParquetCodec;
import io.tributary.s3.format.TimestampUnit;

/** The "Files" group: object format, when a file is closed and uploaded, and which records it takes. */
public final class FileConfigFragment {

    static final String GROUP = "Files";

    public static final String FORMAT = "format";
    public static final String FORMAT_DEFAULT = EnumParser.KEBAB.configValue(FormatType.JSONL);
    public static final String FORMAT_DOC = "Object format, in place of Confluent's 'format.class'. 'jsonl': one JSON "
            + "document per line, the record value (schemaless records too); decimals are written as strings, "
            + "Timestamp as ISO-8601 UTC, Date as yyyy-MM-dd, bytes as base64. 'avro': Avro object container files "
            + "(.avro) with logical types. 'parquet': Parquet files (.parquet) with logical types (decimal, date, "
            + "time, timestamp, uuid), nested structs, lists and maps. Avro and Parquet need a value schema (other "
            + "records go to the dead-letter queue). A file takes records whose schema projects onto its first "
            + "record's without loss (fields it lacks are optional); any other schema change starts a new file.";

    public static final String COMPRESSION = "s3.compression.type";
    public static final String COMPRESSION_DEFAULT = EnumParser.KEBAB.configValue(Compression.NONE);
    public static final String COMPRESSION_DOC = "Compression of whole 'jsonl' objects: 'none', 'gzip' (.gz) or 'zstd' "
            + "(.zst). Avro and Parquet compress inside the file instead: see 'avro.codec' and 'parquet.codec'.";

    public static final String AVRO_CODEC = "avro.codec";
    public static final String AVRO_CODEC_DEFAULT = EnumParser.KEBAB.configValue(AvroCodec.NULL);
    public static final String AVRO_CODEC_DOC = "Block compression of 'avro' files: 'null' (none), 'deflate' or "
            + "'zstandard'.";

    public static final String PARQUET_CODEC = "parquet.codec";
    public static final String PARQUET_CODEC_DEFAULT = EnumParser.KEBAB.configValue(ParquetCodec.SNAPPY);
    public static final String PARQUET_CODEC_DOC = "Page compression of 'parquet' files: 'snappy', 'zstd' or 'none'.";

    public static final String PARQUET_TIMESTAMP_UNIT = "parquet.timestamp.unit";
    public static final String PARQUET_TIMESTAMP_UNIT_DEFAULT = EnumParser.KEBAB.configValue(TimestampUnit.MILLIS);
    public static final String PARQUET_TIMESTAMP_UNIT_DOC = "Unit of Parquet TIMESTAMP columns (UTC-adjusted) for "
            + "Connect Timestamp fields: 'millis', or 'micros' for engines that expect microseconds. The values "
            + "carry milliseconds either way.";

    public static final String FLUSH_SIZE = "flush.size";
    public static final String FLUSH_SIZE_DOC = "Number of records after which a file is closed and uploaded.";

    public static final String ROTATE_SIZE_BYTES = "rotate.size.bytes";
    public static final long ROTATE_SIZE_BYTES_DEFAULT = -1L;
    public static final long ROTATE_SIZE_BYTES_MIN = 1024L;
    public static final String ROTATE_SIZE_BYTES_DOC = "Close a file once its encoded size reaches this many bytes: "
            + "the object size to aim for. The size is counted after compression as far as the format can tell "
            + "('jsonl' with gzip or zstd counts what the compressor has emitted; 'parquet' counts its open row "
            + "group as buffered, with its pages compressed as they fill), so objects come out near this size, "
            + "a little above it. 'flush.size' still applies: whichever comes first closes the file. The manifest "
            + "records each file's offset range, so replays reproduce the same files. -1: off; otherwise at least "
            + ROTATE_SIZE_BYTES_MIN + ".";

    public static final String ROTATE_INTERVAL_MS = "rotate.interval.ms";
    public static final long ROTATE_INTERVAL_MS_DEFAULT = -1L;
    public static final String ROTATE_INTERVAL_MS_DOC = "Close a file when a record's time (per "
            + "'timestamp.extractor') is this many milliseconds or more after the time of the file's first record; "
            + "that record starts the next file. Replays reproduce the same files. -1: off.";

    public static final String ROTATE_SCHEDULE_INTERVAL_MS = "rotate.schedule.interval.ms";
    public static final long ROTATE_SCHEDULE_INTERVAL_MS_DEFAULT = -1L;
    public static final String ROTATE_SCHEDULE_INTERVAL_MS_DOC = "Close every open file at each wall-clock multiple "
            + "of this many milliseconds (aligned in 'timezone'), also on partitions that receive nothing, so data "
            + "lands in time. File boundaries are recorded before upload, so replays keep them. -1: off.";

    public static final String LATE_DATA_GRACE_MS = "late.data.grace.ms";
    public static final long LATE_DATA_GRACE_MS_DEFAULT = -1L;
    public static final String LATE_DATA_GRACE_MS_DOC = "Close an open file once record time on its topic partition "
            + "(per 'timestamp.extractor') has moved this many milliseconds past the file's newest record: its time "
            + "partition is taken as complete. A record older than that is late: it goes to a file of its own in its "
            + "own time partition, which closes at the next check, and no other file is closed for it. -1: off.";

    public static final String BUFFER_MEMORY_BYTES = "buffer.memory.bytes";
    public static final long BUFFER_MEMORY_BYTES_DEFAULT = -1L;
    /** What -1 gives: this fraction of the worker's maximum heap, within the bounds below. */
    public static final int BUFFER_MEMORY_AUTO_HEAP_DIVISOR = 16;
    public static final long BUFFER_MEMORY_AUTO_MIN_BYTES = 4L * 1024 * 1024;
    public static final long BUFFER_MEMORY_AUTO_MAX_BYTES = 128L * 1024 * 1024;
    public static final String BUFFER_MEMORY_BYTES_DOC = "Most heap, in bytes, that one task's buffered files may "
            + "take (open files, and closed files until they are uploaded), however many partitions and time "
            + "partitions are open. Past it, the largest open files are closed and uploaded early (smaller files, "
            + "same exactly-once guarantee), or, when it is closed files waiting for upload that take the room, the "
            + "task waits for uploads before taking more records. -1 (the default): 1/"
            + BUFFER_MEMORY_AUTO_HEAP_DIVISOR + " of the worker's maximum heap (-Xmx), at least 4 MiB and at most "
            + "128 MiB, i.e. 128 MiB per task for the 2 GiB heap Kafka's connect-distributed.sh starts with and "
            + "64 MiB for a 1 GiB heap. Otherwise at least 1 MiB; keep tasks x this well under the worker heap.";

    public static final String NULL_VALUES = "behavior.on.null.values";
    public static final String NULL_VALUES_DEFAULT = EnumParser.KEBAB.configValue(NullValueBehavior.IGNORE);
    public static final String NULL_VALUES_DOC = "What to do with a record whose value is null (a tombstone): "
            + "'ignore' it, or 'fail', which sends it to the dead-letter queue when 'errors.tolerance' is 'all' and "
            + "stops the task otherwise.";

    private FileConfigFragment() {
    }

    /** Adds this group's keys to {@code def}. */
    public static ConfigDef update(ConfigDef def) {
        int order = 0;
        return def
                .define(FORMAT, Type.STRING, FORMAT_DEFAULT, EnumParser.KEBAB.validator(FormatType.class),
                        Importance.HIGH, FORMAT_DOC, GROUP, ++order, Width.SHORT, "Format",
                        EnumParser.KEBAB.recommender(FormatType.class))
                .define(COMPRESSION, Type.STRING, COMPRESSION_DEFAULT, EnumParser.KEBAB.validator(Compression.class),
                        Importance.MEDIUM, COMPRESSION_DOC, GROUP, ++order, Width.SHORT, "Compression",
                        EnumParser.KEBAB.recommender(Compression.class))
                .define(AVRO_CODEC, Type.STRING, AVRO_CODEC_DEFAULT, EnumParser.KEBAB.validator(AvroCodec.class),
                        Importance.LOW, AVRO_CODEC_DOC, GROUP, ++order, Width.SHORT, "Avro codec",
                        EnumParser.KEBAB.recommender(AvroCodec.class))
                .define(PARQUET_CODEC, Type.STRING, PARQUET_CODEC_DEFAULT, EnumParser.KEBAB.validator(ParquetCodec.class),
                        Importance.LOW, PARQUET_CODEC_DOC, GROUP, ++order, Width.SHORT, "Parquet codec",
                        EnumParser.KEBAB.recommender(ParquetCodec.class))
                .define(PARQUET_TIMESTAMP_UNIT, Type.STRING, PARQUET_TIMESTAMP_UNIT_DEFAULT,
                        EnumParser.KEBAB.validator(TimestampUnit.class), Importance.LOW, PARQUET_TIMESTAMP_UNIT_DOC,
                        GROUP, ++order, Width.SHORT, "Parquet timestamp unit",
                        EnumParser.KEBAB.recommender(TimestampUnit.class))
                .define(FLUSH_SIZE, Type.INT, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1),
                        Importance.HIGH, FLUSH_SIZE_DOC, GROUP, ++order, Width.SHORT, "Flush size")
                .define(ROTATE_SIZE_BYTES, Type.LONG, ROTATE_SIZE_BYTES_DEFAULT,
                        ConfigValidators.disabledOrAtLeast(ROTATE_SIZE_BYTES_MIN), Importance.MEDIUM,
                        ROTATE_SIZE_BYTES_DOC, GROUP, ++order, Width.SHORT, "Rotate size")
                .define(ROTATE_INTERVAL_MS, Type.LONG, ROTATE_INTERVAL_MS_DEFAULT,
                        ConfigValidators.disabledOrPositive(), Importance.MEDIUM, ROTATE_INTERVAL_MS_DOC,
                        GROUP, ++order, Width.SHORT, "Rotate interval")
                .define(ROTATE_SCHEDULE_INTERVAL_MS, Type.LONG, ROTATE_SCHEDULE_INTERVAL_MS_DEFAULT,
                        ConfigValidators.disabledOrPositive(), Importance.MEDIUM, ROTATE_SCHEDULE_INTERVAL_MS_DOC,
                        GROUP, ++order, Width.SHORT, "Scheduled rotate interval")
                .define(LATE_DATA_GRACE_MS, Type.LONG, LATE_DATA_GRACE_MS_DEFAULT,
                        ConfigValidators.disabledOrPositive(), Importance.MEDIUM, LATE_DATA_GRACE_MS_DOC,
                        GROUP, ++order, Width.SHORT, "Late data grace")
                .define(BUFFER_MEMORY_BYTES, Type.LONG, BUFFER_MEMORY_BYTES_DEFAULT,
                        ConfigValidators.disabledOrAtLeast(1024L * 1024),
                        Importance.MEDIUM, BUFFER_MEMORY_BYTES_DOC, GROUP, ++order, Width.SHORT, "Buffer memory")
                .define(NULL_VALUES, Type.STRING, NULL_VALUES_DEFAULT, EnumParser.KEBAB.validator(NullValueBehavior.class),
                        Importance.LOW, NULL_VALUES_DOC, GROUP, ++order, Width.SHORT, "Null values",
                        EnumParser.KEBAB.recommender(NullValueBehavior.class));
    }
}
