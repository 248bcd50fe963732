package io.tributary.common.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Maps enum constants to config values and back: {@code REWRITE_WITH_TOMBSTONE} is written
 * {@code rewrite-with-tombstone} and read case-insensitively.
 */
public final class EnumParser {

    private EnumParser() {
    }

    /** The config spelling of a constant: lower case, {@code _} replaced by {@code -}. */
    public static String configValue(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The config spellings of every constant of {@code type}, in declaration order. */
    public static <E extends Enum<E>> String[] configValues(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumParser::configValue).toArray(String[]::new);
    }

    /**
     * Parses {@code value} of config key {@code key} into a constant of {@code type}, ignoring case.
     *
     * @throws ConfigException naming the key, the value and the allowed values when nothing matches
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
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

    /** A validator accepting exactly the values {@link #parse} accepts. */
    public static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type) {
        return ConfigDef.CaseInsensitiveValidString.in(configValues(type));
    }

    /** A recommender offering every value of {@code type}, so UIs can show a drop-down. */
    public static <E extends Enum<E>> ConfigDef.Recommender recommender(Class<E> type) {
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
