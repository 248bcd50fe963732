package io.tributary.s3.config;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.tributary.common.config.Validators;

/** The "Partitioning" group: object key layout, and which time a record is filed under. */
public final class PartitionConfigFragment {

    static final String GROUP = "Partitioning";

    public static final String TOPICS_DIR = "topics.dir";
    public static final String TOPICS_DIR_DEFAULT = "topics";
    public static final String TOPICS_DIR_DOC = "Key prefix of every object, without leading or trailing '/'. "
            + "Objects are named <topics.dir>/<partition path>/<topic>+<kafkaPartition>+<startOffset>.<ext>; the "
            + "sink's own bookkeeping lives under <topics.dir>/_manifests/, which query engines skip.";

    public static final String PATH_FORMAT = "path.format";
    public static final String PATH_FORMAT_DEFAULT = "dt=yyyy-MM-dd/hour=HH";
    public static final String PATH_FORMAT_DOC = "Template of the partition path, Hive-style by default. "
            + "Segments are separated by '/'; each is name=VALUE (a Hive partition column) or a bare VALUE. "
            + "VALUE is either a java.time pattern applied to the record's time (yyyy-MM-dd, HH, ...; quote "
            + "literal letters as in 'T') or a field reference: {value.a.b} (a field of the value, nested with '.'), "
            + "{key.a}, {key} or {topic}. Example: region={value.region}/dt=yyyy-MM-dd. Field values are "
            + "percent-encoded; a missing or null field becomes __HIVE_DEFAULT_PARTITION__.";

    public static final String TIMESTAMP_EXTRACTOR = "timestamp.extractor";
    public static final String TIMESTAMP_EXTRACTOR_DEFAULT = TimestampSource.RECORD.configValue();
    public static final String TIMESTAMP_EXTRACTOR_DOC = "Which time places a record in the path and drives "
            + "'rotate.interval.ms'. 'Record': the Kafka record timestamp. 'RecordField': the value field named by "
            + "'timestamp.field' (a Connect Timestamp or Date, epoch milliseconds, or an ISO-8601 string; a string "
            + "without offset is read in 'timezone'). 'Wallclock': the time the task writes the record.";

    public static final String TIMESTAMP_FIELD = "timestamp.field";
    public static final String TIMESTAMP_FIELD_DEFAULT = "";
    public static final String TIMESTAMP_FIELD_DOC = "Field of the record value holding its time, nested with '.', "
            + "e.g. created_at or meta.ts. Required when 'timestamp.extractor' is RecordField.";

    public static final String TIMEZONE = "timezone";
    public static final String TIMEZONE_DEFAULT = "UTC";
    public static final String TIMEZONE_DOC = "Time zone in which date-time patterns of 'path.format' are rendered "
            + "and 'partition.duration.ms' / 'rotate.schedule.interval.ms' boundaries are aligned.";

    public static final String LOCALE = "locale";
    public static final String LOCALE_DEFAULT = "en";
    public static final String LOCALE_DOC = "Locale of month and day names in 'path.format' (patterns such as MMM).";

    public static final String PARTITION_DURATION_MS = "partition.duration.ms";
    public static final long PARTITION_DURATION_MS_DEFAULT = -1L;
    public static final String PARTITION_DURATION_MS_DOC = "Width of a time partition in milliseconds: a record's "
            + "time is rounded down to a multiple of it (in 'timezone') before 'path.format' renders it, e.g. "
            + "900000 for 15-minute partitions with a pattern like HHmm. -1: no rounding.";

    private static final Pattern DIR = Pattern.compile("[^/\\s]+(/[^/\\s]+)*");
    private static final Pattern FIELD_PATH = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*)?");

    private PartitionConfigFragment() {
    }

    /** Adds this group's keys to {@code def}. */
    public static ConfigDef update(ConfigDef def) {
        int order = 0;
        return def
                .define(TOPICS_DIR, Type.STRING, TOPICS_DIR_DEFAULT,
                        Validators.matching(DIR, "a key prefix without spaces, empty segments or leading/trailing '/'"),
                        Importance.MEDIUM, TOPICS_DIR_DOC, GROUP, ++order, Width.MEDIUM, "Topics directory")
                .define(PATH_FORMAT, Type.STRING, PATH_FORMAT_DEFAULT, ConfigValidators.pathTemplate(),
                        Importance.HIGH, PATH_FORMAT_DOC, GROUP, ++order, Width.LONG, "Path format")
                .define(TIMESTAMP_EXTRACTOR, Type.STRING, TIMESTAMP_EXTRACTOR_DEFAULT, TimestampSource.validator(),
                        Importance.MEDIUM, TIMESTAMP_EXTRACTOR_DOC, GROUP, ++order, Width.SHORT,
                        "Timestamp extractor", new ConfigDef.Recommender() {
                            @Override
                            public java.util.List<Object> validValues(String name, java.util.Map<String, Object> c) {
                                return java.util.List.of((Object[]) TimestampSource.configValues());
                            }

                            @Override
                            public boolean visible(String name, java.util.Map<String, Object> c) {
                                return true;
                            }
                        })
                .define(TIMESTAMP_FIELD, Type.STRING, TIMESTAMP_FIELD_DEFAULT,
                        Validators.matching(FIELD_PATH, "empty or a field name, nested with '.'"),
                        Importance.MEDIUM, TIMESTAMP_FIELD_DOC, GROUP, ++order, Width.MEDIUM, "Timestamp field")
                .define(TIMEZONE, Type.STRING, TIMEZONE_DEFAULT, ConfigValidators.zoneId(),
                        Importance.MEDIUM, TIMEZONE_DOC, GROUP, ++order, Width.SHORT, "Time zone")
                .define(LOCALE, Type.STRING, LOCALE_DEFAULT, ConfigValidators.languageTag(),
                        Importance.LOW, LOCALE_DOC, GROUP, ++order, Width.SHORT, "Locale")
                .define(PARTITION_DURATION_MS, Type.LONG, PARTITION_DURATION_MS_DEFAULT,
                        ConfigValidators.disabledOrPositive(), Importance.LOW, PARTITION_DURATION_MS_DOC,
                        GROUP, ++order, Width.SHORT, "Partition duration");
    }
}
