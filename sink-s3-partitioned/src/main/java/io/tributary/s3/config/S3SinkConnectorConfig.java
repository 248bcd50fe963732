package io.tributary.s3.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.tributary.common.config.EnumParser;
import io.tributary.s3.format.AvroCodec;
import io.tributary.s3.format.Compression;
import io.tributary.s3.format.FormatType;
import io.tributary.s3.format.ParquetCodec;
import io.tributary.s3.format.TimestampUnit;
import io.tributary.s3.partition.PathTemplate;

/** Configuration of the S3 sink connector and its tasks; key names follow Confluent's S3 sink where it has them. */
public final class S3SinkConnectorConfig extends AbstractConfig {

    private static final ConfigDef CONFIG = configDef();

    /** Parses and checks {@code originals}; a ConfigException names the first key that is wrong. */
    public S3SinkConnectorConfig(Map<?, ?> originals) {
        this(originals, true);
    }

    private S3SinkConnectorConfig(Map<?, ?> originals, boolean checkAcrossKeys) {
        super(CONFIG, originals, false);
        if (!checkAcrossKeys) {
            return;
        }
        Map<String, String> problems = crossFieldProblems();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            // Without the value: it may be a secret.
            throw new ConfigException("Invalid configuration " + first.getKey() + ": " + first.getKey() + " "
                    + first.getValue());
        }
    }

    /** Parses {@code originals} without the rules across keys, so validation can report each of them. */
    public static S3SinkConnectorConfig withoutCrossFieldChecks(Map<?, ?> originals) {
        return new S3SinkConnectorConfig(originals, false);
    }

    /** A fresh definition of every key, for {@code Connector.config()} and generated docs. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        StorageConfigFragment.update(def);
        PartitionConfigFragment.update(def);
        FileConfigFragment.update(def);
        return def;
    }

    /** Rules that span keys, as key to message; empty when the config is consistent. */
    public Map<String, String> crossFieldProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (timestampSource() == TimestampSource.RECORD_FIELD && timestampField().isEmpty()) {
            problems.put(PartitionConfigFragment.TIMESTAMP_FIELD, "is required when "
                    + PartitionConfigFragment.TIMESTAMP_EXTRACTOR + " is RecordField");
        } else if (timestampSource() != TimestampSource.RECORD_FIELD && !timestampField().isEmpty()) {
            problems.put(PartitionConfigFragment.TIMESTAMP_FIELD, "is only read when "
                    + PartitionConfigFragment.TIMESTAMP_EXTRACTOR + " is RecordField; remove it or set that");
        }
        if (format() != FormatType.JSONL && compression() != Compression.NONE) {
            problems.put(FileConfigFragment.COMPRESSION, "applies to format jsonl only; for avro set "
                    + FileConfigFragment.AVRO_CODEC + ", for parquet " + FileConfigFragment.PARQUET_CODEC);
        }
        boolean hasKeyId = !accessKeyId().isEmpty();
        boolean hasSecret = secretAccessKey().isPresent();
        if (hasKeyId && !hasSecret) {
            problems.put(StorageConfigFragment.SECRET_ACCESS_KEY, "is required when "
                    + StorageConfigFragment.ACCESS_KEY_ID + " is set");
        } else if (!hasKeyId && hasSecret) {
            problems.put(StorageConfigFragment.ACCESS_KEY_ID, "is required when "
                    + StorageConfigFragment.SECRET_ACCESS_KEY + " is set");
        }
        return problems;
    }

    public String bucket() {
        return getString(StorageConfigFragment.BUCKET);
    }

    public String region() {
        return getString(StorageConfigFragment.REGION);
    }

    public Optional<URI> storeUrl() {
        String url = getString(StorageConfigFragment.STORE_URL);
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    public boolean pathStyleAccess() {
        return getBoolean(StorageConfigFragment.PATH_STYLE);
    }

    public String accessKeyId() {
        return getString(StorageConfigFragment.ACCESS_KEY_ID);
    }

    public Optional<Password> secretAccessKey() {
        Password secret = getPassword(StorageConfigFragment.SECRET_ACCESS_KEY);
        return secret == null || secret.value().isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    public int partSize() {
        return getInt(StorageConfigFragment.PART_SIZE);
    }

    public int retries() {
        return getInt(StorageConfigFragment.PART_RETRIES);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(StorageConfigFragment.RETRY_BACKOFF_MS));
    }

    public String topicsDir() {
        return getString(PartitionConfigFragment.TOPICS_DIR);
    }

    public PathTemplate pathTemplate() {
        return PathTemplate.parse(getString(PartitionConfigFragment.PATH_FORMAT), zone(), locale());
    }

    public TimestampSource timestampSource() {
        return TimestampSource.parse(PartitionConfigFragment.TIMESTAMP_EXTRACTOR,
                getString(PartitionConfigFragment.TIMESTAMP_EXTRACTOR));
    }

    public String timestampField() {
        return getString(PartitionConfigFragment.TIMESTAMP_FIELD);
    }

    public ZoneId zone() {
        return ZoneId.of(getString(PartitionConfigFragment.TIMEZONE));
    }

    public Locale locale() {
        return Locale.forLanguageTag(getString(PartitionConfigFragment.LOCALE));
    }

    /** Width of a time partition in ms, or -1 for none. */
    public long partitionDurationMs() {
        return getLong(PartitionConfigFragment.PARTITION_DURATION_MS);
    }

    public FormatType format() {
        return EnumParser.KEBAB.parse(FormatType.class, FileConfigFragment.FORMAT, getString(FileConfigFragment.FORMAT));
    }

    public Compression compression() {
        return EnumParser.KEBAB.parse(Compression.class, FileConfigFragment.COMPRESSION,
                getString(FileConfigFragment.COMPRESSION));
    }

    public AvroCodec avroCodec() {
        return EnumParser.KEBAB.parse(AvroCodec.class, FileConfigFragment.AVRO_CODEC,
                getString(FileConfigFragment.AVRO_CODEC));
    }

    public ParquetCodec parquetCodec() {
        return EnumParser.KEBAB.parse(ParquetCodec.class, FileConfigFragment.PARQUET_CODEC,
                getString(FileConfigFragment.PARQUET_CODEC));
    }

    public TimestampUnit parquetTimestampUnit() {
        return EnumParser.KEBAB.parse(TimestampUnit.class, FileConfigFragment.PARQUET_TIMESTAMP_UNIT,
                getString(FileConfigFragment.PARQUET_TIMESTAMP_UNIT));
    }

    public int flushSize() {
        return getInt(FileConfigFragment.FLUSH_SIZE);
    }

    /** Record-time rotation interval in ms, or -1 for none. */
    public long rotateIntervalMs() {
        return getLong(FileConfigFragment.ROTATE_INTERVAL_MS);
    }

    /** Wall-clock rotation interval in ms, or -1 for none. */
    public long rotateScheduleIntervalMs() {
        return getLong(FileConfigFragment.ROTATE_SCHEDULE_INTERVAL_MS);
    }

    /** How far record time may pass a file's newest record before the file closes, in ms, or -1 for never. */
    public long lateDataGraceMs() {
        return getLong(FileConfigFragment.LATE_DATA_GRACE_MS);
    }

    /** The task's buffer budget: as set, or for -1 a share of {@code maxHeapBytes} (the worker's -Xmx). */
    public long bufferMemoryBytes(long maxHeapBytes) {
        long set = getLong(FileConfigFragment.BUFFER_MEMORY_BYTES);
        if (set != -1) {
            return set;
        }
        long share = maxHeapBytes / FileConfigFragment.BUFFER_MEMORY_AUTO_HEAP_DIVISOR;
        return Math.max(FileConfigFragment.BUFFER_MEMORY_AUTO_MIN_BYTES,
                Math.min(FileConfigFragment.BUFFER_MEMORY_AUTO_MAX_BYTES, share));
    }

    /** The encoded size at which a file closes, or -1 for no size limit. */
    public long rotateSizeBytes() {
        return getLong(FileConfigFragment.ROTATE_SIZE_BYTES);
    }

    public NullValueBehavior nullValues() {
        return EnumParser.KEBAB.parse(NullValueBehavior.class, FileConfigFragment.NULL_VALUES,
                getString(FileConfigFragment.NULL_VALUES));
    }
}
