package io.tributary.s3.config;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.tributary.s3.partition.PathTemplate;

/** Validators for this connector's keys that {@code connect-common} has no general form of. */
final class ConfigValidators {

    private ConfigValidators() {
    }

    /** -1 to turn a feature off, or a positive number. */
    static ConfigDef.Validator disabledOrPositive() {
        return new Checking("-1 (off) or a positive number", value -> value instanceof Number n
                && (n.longValue() == -1 || n.longValue() > 0));
    }

    /** -1 for off (or automatic), or at least {@code min}. */
    static ConfigDef.Validator disabledOrAtLeast(long min) {
        return new Checking("-1 or at least " + min, value -> value instanceof Number n
                && (n.longValue() == -1 || n.longValue() >= min));
    }

    static ConfigDef.Validator zoneId() {
        return new Checking("a time-zone ID such as UTC or Europe/Paris", value -> {
            try {
                ZoneId.of((String) value);
                return true;
            } catch (DateTimeException | ClassCastException | NullPointerException e) {
                return false;
            }
        });
    }

    static ConfigDef.Validator languageTag() {
        return new Checking("an IETF language tag such as en or fr-FR", value -> {
            try {
                return value instanceof String s && !new Locale.Builder().setLanguageTag(s).build().getLanguage()
                        .isEmpty();
            } catch (IllformedLocaleException e) {
                return false;
            }
        });
    }

    static ConfigDef.Validator emptyOrHttpUrl() {
        return new Checking("empty (AWS's endpoint for the region) or an http:// or https:// URL", value -> {
            if (!(value instanceof String s)) {
                return false;
            }
            if (s.isEmpty()) {
                return true;
            }
            try {
                URI uri = new URI(s);
                return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        });
    }

    /** A {@code path.format} template that {@link PathTemplate#parse} accepts; the message says what is wrong. */
    static ConfigDef.Validator pathTemplate() {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                try {
                    PathTemplate.parse((String) value, ZoneId.of("UTC"), Locale.ROOT);
                } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
            }

            @Override
            public String toString() {
                return "'/'-separated segments, each name=VALUE or VALUE, where VALUE is a date-time pattern "
                        + "(yyyy-MM-dd, HH) or a field reference ({value.a.b}, {key.a}, {key}, {topic})";
            }
        };
    }

    private static final class Checking implements ConfigDef.Validator {
        private final String description;
        private final Predicate<Object> valid;

        Checking(String description, Predicate<Object> valid) {
            this.description = description;
            this.valid = valid;
        }

        @Override
        public void ensureValid(String name, Object value) {
            if (!valid.test(value)) {
                throw new ConfigException(name, value, "must be " + description);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
