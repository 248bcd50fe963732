package io.tributary.s3.partition;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A parsed {@code path.format}: '/'-separated segments, each {@code name=VALUE} or a bare {@code VALUE}, where VALUE
 * is a date-time pattern or a field reference such as {@code {value.region}}. Rendering is a pure function of the
 * record and its time, so a replay puts every record where the first attempt did.
 */
public final class PathTemplate {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REFERENCE = Pattern.compile("\\{([^{}]*)}");

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = segments;
    }

    /** Parses {@code template}; throws IllegalArgumentException with a message fit for the user. */
    public static PathTemplate parse(String template, ZoneId zone, Locale locale) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        List<Segment> segments = new ArrayList<>();
        for (String text : template.split("/", -1)) {
            segments.add(segment(text, zone, locale));
        }
        return new PathTemplate(template, List.copyOf(segments));
    }

    private static Segment segment(String text, ZoneId zone, Locale locale) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("has an empty segment (leading, trailing or double '/')");
        }
        String column = null;
        String value = text;
        int eq = text.indexOf('=');
        if (eq >= 0) {
            column = text.substring(0, eq);
            value = text.substring(eq + 1);
            if (!COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("segment '" + text + "': '" + column
                        + "' is not a column name (letters, digits or '_', not starting with a digit)");
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("segment '" + text + "' has nothing after '='");
            }
        }
        Matcher reference = REFERENCE.matcher(value);
        if (reference.matches()) {
            return new Segment(column, FieldReference.parse(reference.group(1)), null);
        }
        if (value.indexOf('{') >= 0 || value.indexOf('}') >= 0) {
            throw new IllegalArgumentException("segment '" + text + "': a field reference must be the whole value, "
                    + "like {value.region}");
        }
        try {
            return new Segment(column, null, DateTimeFormatter.ofPattern(value, locale).withZone(zone));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("segment '" + text + "': '" + value + "' is not a date-time pattern ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Whether any segment renders the record's time. */
    public boolean hasTimeFields() {
        return segments.stream().anyMatch(s -> s.time != null);
    }

    /** The partition path of {@code record} filed at {@code timeMillis}, without leading or trailing '/'. */
    public String render(SinkRecord record, long timeMillis) {
        StringBuilder path = new StringBuilder();
        Instant time = null;
        for (Segment segment : segments) {
            if (path.length() > 0) {
                path.append('/');
            }
            if (segment.column != null) {
                path.append(segment.column).append('=');
            }
            if (segment.time != null) {
                if (time == null) {
                    time = Instant.ofEpochMilli(timeMillis);
                }
                path.append(PathValues.escape(segment.time.format(time)));
            } else {
                path.append(PathValues.escape(PathValues.text(segment.reference.resolve(record),
                        segment.reference)));
            }
        }
        return path.toString();
    }

    @Override
    public String toString() {
        return template;
    }

    private record Segment(String column, FieldReference reference, DateTimeFormatter time) {
    }
}
