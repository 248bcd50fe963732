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
    private final ZoneId zone;
    /** How long the rendered time fields stay the same: an hour, unless a pattern has minutes or finer. */
    private final long timeStepMs;
    /** Whether no segment references the record, so the path depends on the time alone. */
    private final boolean timeOnly;
    /** The time fields rendered for the last step seen: formatting them for every record is the sink's hot spot. */
    private volatile RenderedTimes lastTimes;

    private PathTemplate(String template, List<Segment> segments, ZoneId zone, long timeStepMs) {
        this.template = template;
        this.segments = segments;
        this.zone = zone;
        this.timeStepMs = timeStepMs;
        this.timeOnly = segments.stream().allMatch(s -> s.reference == null);
    }

    /** Parses {@code template}; throws IllegalArgumentException with a message fit for the user. */
    public static PathTemplate parse(String template, ZoneId zone, Locale locale) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        List<Segment> segments = new ArrayList<>();
        long step = HOUR_MS;
        for (String text : template.split("/", -1)) {
            Segment segment = segment(text, zone, locale);
            segments.add(segment);
            if (segment.time != null) {
                step = Math.min(step, stepOf(text.substring(text.indexOf('=') + 1)));
            }
        }
        return new PathTemplate(template, List.copyOf(segments), zone, step);
    }

    private static final long HOUR_MS = 3_600_000L;

    /**
     * The longest span over which {@code pattern} renders the same text: the unit of its finest field, as far as the
     * hour (every coarser field, zone names included, changes only on a local hour boundary).
     */
    static long stepOf(String pattern) {
        String letters = pattern.replaceAll("'[^']*'", "");
        if (letters.matches(".*[SnNA].*")) {
            return 1;
        }
        if (letters.contains("s")) {
            return 1_000;
        }
        if (letters.contains("m")) {
            return 60_000;
        }
        return HOUR_MS;
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
        RenderedTimes rendered = timeFields(timeMillis);
        if (rendered.path != null) {
            return rendered.path;
        }
        return render(record, rendered.values);
    }

    /** The path with the time fields {@code times}; {@code record} is only read when the template references it. */
    private String render(SinkRecord record, String[] times) {
        StringBuilder path = new StringBuilder();
        int timeIndex = 0;
        for (Segment segment : segments) {
            if (path.length() > 0) {
                path.append('/');
            }
            if (segment.column != null) {
                path.append(segment.column).append('=');
            }
            if (segment.time != null) {
                path.append(times[timeIndex++]);
            } else {
                path.append(PathValues.escape(PathValues.text(segment.reference.resolve(record),
                        segment.reference)));
            }
        }
        return path.toString();
    }

    /**
     * The escaped time fields of the template at {@code timeMillis}, and the whole path when no segment references
     * the record; reused while the time stays in one step.
     */
    private RenderedTimes timeFields(long timeMillis) {
        long step = RecordPartitioner.floor(timeMillis, timeStepMs, zone);
        RenderedTimes last = lastTimes;
        if (last != null && last.step == step) {
            return last;
        }
        Instant time = Instant.ofEpochMilli(timeMillis);
        String[] values = segments.stream().filter(s -> s.time != null)
                .map(s -> PathValues.escape(s.time.format(time))).toArray(String[]::new);
        RenderedTimes rendered = new RenderedTimes(step, values, timeOnly ? render(null, values) : null);
        lastTimes = rendered;
        return rendered;
    }

    @Override
    public String toString() {
        return template;
    }

    private record Segment(String column, FieldReference reference, DateTimeFormatter time) {
    }

    /** {@code path}: the whole path, when it depends on the time alone. */
    private record RenderedTimes(long step, String[] values, String path) {
    }
}
