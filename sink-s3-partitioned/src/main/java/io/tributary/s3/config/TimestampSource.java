package io.tributary.s3.config;

import java.util.Arrays;
import java.util.Locale;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Where a record's partitioning time comes from; values keep Confluent's spelling of {@code timestamp.extractor}. */
public enum TimestampSource {
    /** The Kafka record timestamp. */
    RECORD("Record"),
    /** A field of the record value named by {@code timestamp.field}. */
    RECORD_FIELD("RecordField"),
    /** The task's wall clock when the record is written. */
    WALLCLOCK("Wallclock");

    private final String configValue;

    TimestampSource(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static String[] configValues() {
        return Arrays.stream(values()).map(TimestampSource::configValue).toArray(String[]::new);
    }

    static ConfigDef.Validator validator() {
        return ConfigDef.CaseInsensitiveValidString.in(configValues());
    }

    static TimestampSource parse(String key, String value) {
        for (TimestampSource source : values()) {
            if (source.configValue.toLowerCase(Locale.ROOT).equalsIgnoreCase(value.trim())) {
                return source;
            }
        }
        throw new ConfigException(key, value, "must be one of " + String.join(", ", configValues()));
    }
}
