package io.tributary.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The figures of one benchmark run, printed as the single line {@code RESULT <case> key=value ...}. */
public final class Result {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    private final String caseName;
    private final Map<String, String> figures = new LinkedHashMap<>();

    public Result(String caseName) {
        this.caseName = caseName;
    }

    public Result put(String key, long value) {
        return putText(key, Long.toString(value));
    }

    public Result put(String key, double value) {
        return putText(key, String.format(Locale.ROOT, "%.3f", value));
    }

    public Result putText(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Figure names are lower_snake_case: " + key);
        }
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("Figure " + key + " needs a value without spaces: '" + value + "'");
        }
        figures.put(key, value);
        return this;
    }

    public Map<String, String> figures() {
        return Map.copyOf(figures);
    }

    public String line() {
        StringBuilder line = new StringBuilder("RESULT ").append(caseName);
        figures.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        return line.toString();
    }
}
