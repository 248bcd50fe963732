package io.tributary.common.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Maps enum constants to config values and back, read case-insensitively: {@link #KEBAB} writes
 * {@code REWRITE_WITH_TOMBSTONE} as {@code rewrite-with-tombstone} (Kafka's and Confluent's style), {@link #SNAKE} as
 * {@code rewrite_with_tombstone} (Debezium's style, for keys that keep Debezium's names).
 */
public final class EnumParser {

    public static final EnumParser KEBAB = new EnumParser('-');
    public static final EnumParser SNAKE = new EnumParser('_');

    private final char separator;

    private EnumParser(char separator) {
        this.separator = separator;
    }

    /** The config spelling of a constant: lower case, words joined by this parser's separator. */
    public String configValue(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', separator);
    }

    /** The config spellings of every constant of {@code type}, in declaration order. */
    public <E extends Enum<E>> String[] configValues(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(this::configValue).toArray(String[]::new);
    }

    /**
     * Parses {@code value} of config key {@code key} into a constant of {@code type}, ignoring case.
     *
     * @throws ConfigException naming the key, the value and the allowed values when nothing matches
     */
    public <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
        if (value != null) {
            String wanted = value.trim();
            for (E constant : type.getEnumConstants()) {
                if (configValue(constant).equalsIgnoreCase(wanted)) {
                    return constant;
                }
            }
        }
        throw new ConfigException(key, value, "must be one of " + String.join(", ", configValues(type)));
    }

    /** A validator accepting the values {@link #parse} accepts, and any {@code aliases} the caller maps itself. */
    public <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type, String... aliases) {
        String[] accepted = Stream.concat(Arrays.stream(configValues(type)), Arrays.stream(aliases))
                .toArray(String[]::new);
        return ConfigDef.CaseInsensitiveValidString.in(accepted);
    }

    /** A recommender offering every value of {@code type}, so UIs can show a drop-down. */
    public <E extends Enum<E>> ConfigDef.Recommender recommender(Class<E> type) {
        List<Object> values = Collections.unmodifiableList(Arrays.asList((Object[]) configValues(type)));
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return values;
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }
}
