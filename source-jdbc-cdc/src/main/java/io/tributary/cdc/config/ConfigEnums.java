package io.tributary.cdc.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Enum-valued keys spelled as Debezium spells them: lower case with '_' ({@code initial_only}, {@code all_tables}),
 * read case-insensitively. (connect-common's EnumParser writes '-', which Debezium users would not recognise.)
 */
final class ConfigEnums {

    private ConfigEnums() {
    }

    static String value(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> String[] values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnums::value).toArray(String[]::new);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String key, String text) {
        if (text != null) {
            for (E constant : type.getEnumConstants()) {
                if (value(constant).equalsIgnoreCase(text.trim())) {
                    return constant;
                }
            }
        }
        throw new ConfigException(key, text, "must be one of " + String.join(", ", values(type)));
    }

    static <E extends Enum<E>> ConfigDef.Validator validator(Class<E> type, String... aliases) {
        String[] accepted = java.util.stream.Stream.concat(Arrays.stream(values(type)), Arrays.stream(aliases))
                .toArray(String[]::new);
        return ConfigDef.CaseInsensitiveValidString.in(accepted);
    }

    static <E extends Enum<E>> ConfigDef.Recommender recommender(Class<E> type) {
        List<Object> values = List.of((Object[]) values(type));
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
