package io.tributary.common.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Config validators Kafka's {@link ConfigDef} does not ship, each with a {@code toString()} fit for docs. */
public final class Validators {

    private Validators() {
    }

    /**
     * A STRING value whose whole text matches {@code pattern}. {@code description} says in words what the
     * pattern allows, as a phrase that completes "must be ...", e.g. "a field name (letters, digits or '_')".
     */
    public static ConfigDef.Validator matching(Pattern pattern, String description) {
        return new Matching(pattern, description);
    }

    /**
     * A LIST value, possibly empty, whose elements each match {@code pattern} and are all different;
     * {@code description} describes one element as in {@link #matching}.
     */
    public static ConfigDef.Validator listOfDistinct(Pattern pattern, String description) {
        return new DistinctList(pattern, description);
    }

    private static final class Matching implements ConfigDef.Validator {
        private final Pattern pattern;
        private final String description;

        Matching(Pattern pattern, String description) {
            this.pattern = pattern;
            this.description = description;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (!(value instanceof String) || !pattern.matcher((String) value).matches()) {
                throw new ConfigException(name, value, "must be " + description);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final class DistinctList implements ConfigDef.Validator {
        private final Pattern pattern;
        private final String description;

        DistinctList(Pattern pattern, String description) {
            this.pattern = pattern;
            this.description = description;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (!(value instanceof List)) {
                throw new ConfigException(name, value, "must be a comma-separated list");
            }
            Set<Object> seen = new HashSet<>();
            for (Object element : (List<?>) value) {
                if (!(element instanceof String) || !pattern.matcher((String) element).matches()) {
                    throw new ConfigException(name, value, "'" + element + "' is invalid: each element must be " + description);
                }
                if (!seen.add(element)) {
                    throw new ConfigException(name, value, "'" + element + "' is listed more than once");
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated list of distinct values, each " + description;
        }
    }
}
