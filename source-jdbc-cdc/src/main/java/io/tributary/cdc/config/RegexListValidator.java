package io.tributary.cdc.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A LIST of Java regular expressions, possibly empty; names the first that does not compile and why. */
final class RegexListValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(name, value, "must be a comma-separated list of regular expressions");
        }
        for (Object element : list) {
            try {
                Pattern.compile(String.valueOf(element));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(name, value, "'" + element + "' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
    }

    @Override
    public String toString() {
        return "comma-separated list of Java regular expressions";
    }
}
