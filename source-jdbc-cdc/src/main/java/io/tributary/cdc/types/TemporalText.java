package io.tributary.cdc.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Parses PostgreSQL's ISO text forms of dates and times ({@code DateStyle=ISO}): {@code 2024-02-29},
 * {@code 0044-03-15 BC}, {@code 23:59:59.999999}, {@code 2024-02-29 10:00:00.5+05:30}. Infinite dates and timestamps
 * map to the largest and smallest values of the target unit.
 */
public final class TemporalText {

    static final String INFINITY = "infinity";
    static final String MINUS_INFINITY = "-infinity";
    /**
     * Where Debezium puts infinite timestamps in microseconds since the epoch: it reads PgJDBC's markers for them
     * (milliseconds) as microseconds, about the years 294247 and -290308.
     */
    static final long DEBEZIUM_INFINITY_MICROS = 9_223_372_036_825_200_000L;
    static final long DEBEZIUM_MINUS_INFINITY_MICROS = -9_223_372_036_832_400_000L;
    private static final String BC = " BC";

    private TemporalText() {
    }

    /** Days since 1970-01-01. */
    public static int epochDays(String text) {
        if (INFINITY.equals(text)) {
            return Integer.MAX_VALUE;
        } else if (MINUS_INFINITY.equals(text)) {
            return Integer.MIN_VALUE;
        }
        boolean bc = text.endsWith(BC);
        return Math.toIntExact(date(bc ? text.substring(0, text.length() - BC.length()) : text, bc).toEpochDay());
    }

    /** Microseconds since midnight; {@code 24:00:00} is a whole day. */
    public static long microsOfDay(String text) {
        return nanosOfDay(text) / 1_000L;
    }

    /** Nanoseconds since midnight; {@code 24:00:00} is a whole day. */
    public static long nanosOfDay(String text) {
        if (text.startsWith("24:00:00")) {
            return 86_400_000_000_000L;
        }
        return time(text).toNanoOfDay();
    }

    /**
     * Nanoseconds since the epoch of a timestamp without time zone, read as if it were UTC; infinities are the largest
     * and smallest values, as in Debezium. Whole days are counted first, as Debezium does, so 1677-09-21, whose start
     * 64 bits cannot hold, is outside.
     *
     * @throws ArithmeticException when the timestamp is outside what 64 bits of nanoseconds hold (1677-09-22 to
     *     2262-04-11)
     */
    public static long epochNanos(String text) {
        if (INFINITY.equals(text)) {
            return Long.MAX_VALUE;
        } else if (MINUS_INFINITY.equals(text)) {
            return Long.MIN_VALUE;
        }
        LocalDateTime value = localDateTime(text);
        return Math.addExact(Math.multiplyExact(value.toLocalDate().toEpochDay(), 86_400_000_000_000L),
                value.toLocalTime().toNanoOfDay());
    }

    /**
     * Microseconds since the epoch of a timestamp without time zone, read as if it were UTC. PostgreSQL's range (up
     * to 294276 AD) reaches past what 64 bits of microseconds since 1970 hold; such values saturate like infinity.
     */
    public static long epochMicros(String text) {
        if (INFINITY.equals(text)) {
            return Long.MAX_VALUE;
        } else if (MINUS_INFINITY.equals(text)) {
            return Long.MIN_VALUE;
        }
        LocalDateTime value = localDateTime(text);
        try {
            return micros(value.toEpochSecond(ZoneOffset.UTC), value.getNano());
        } catch (ArithmeticException e) {
            return value.getYear() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /**
     * As {@link #epochMicros}, except that infinities are where Debezium puts them
     * ({@link #DEBEZIUM_INFINITY_MICROS}), not at the ends of the range.
     */
    public static long epochMicrosDebeziumInfinity(String text) {
        if (INFINITY.equals(text)) {
            return DEBEZIUM_INFINITY_MICROS;
        } else if (MINUS_INFINITY.equals(text)) {
            return DEBEZIUM_MINUS_INFINITY_MICROS;
        }
        return epochMicros(text);
    }

    /** A timestamp with time zone as ISO-8601 in UTC, e.g. {@code 2024-02-29T04:30:00.5Z}. */
    public static String isoUtc(String text) {
        return isoUtc(text, 0);
    }

    /**
     * A timestamp with time zone as ISO-8601 in UTC with exactly {@code fractionDigits} fractional digits, e.g.
     * {@code 2024-02-29T04:30:00.500000Z} for 6; with 0, only the digits the value needs.
     */
    public static String isoUtc(String text, int fractionDigits) {
        if (INFINITY.equals(text) || MINUS_INFINITY.equals(text)) {
            return text;
        }
        OffsetDateTime value = offsetDateTime(text).withOffsetSameInstant(ZoneOffset.UTC);
        DateTimeFormatter formatter = fractionDigits > 0 && fractionDigits < FIXED_FRACTION.length
                ? FIXED_FRACTION[fractionDigits] : DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        return formatter.format(value);
    }

    /** Formatters with 1..6 fixed fractional digits, by digit count. */
    private static final DateTimeFormatter[] FIXED_FRACTION = new DateTimeFormatter[7];

    static {
        for (int digits = 1; digits < FIXED_FRACTION.length; digits++) {
            FIXED_FRACTION[digits] = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
                    .appendLiteral('T').appendPattern("HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, digits, digits, true)
                    .appendOffsetId().toFormatter(Locale.ROOT);
        }
    }

    /**
     * A time with time zone as ISO-8601 in UTC, e.g. {@code 04:30:00.5Z}; {@code 24:00:00} is midnight, as Debezium
     * reads it.
     */
    public static String isoTimeUtc(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        LocalTime time = text.startsWith("24:00:00") ? LocalTime.MIDNIGHT : time(text.substring(0, sign));
        OffsetTime value = OffsetTime.of(time, offset(text.substring(sign))).withOffsetSameInstant(ZoneOffset.UTC);
        return DateTimeFormatter.ISO_OFFSET_TIME.format(value);
    }

    static OffsetDateTime offsetDateTime(String text) {
        boolean bc = text.endsWith(BC);
        String body = bc ? text.substring(0, text.length() - BC.length()) : text;
        int space = body.indexOf(' ');
        int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        if (space < 0 || sign < space) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamp with time zone");
        }
        LocalDate date = date(body.substring(0, space), bc);
        LocalTime time = time(body.substring(space + 1, sign));
        return OffsetDateTime.of(date, time, offset(body.substring(sign)));
    }

    static LocalDateTime localDateTime(String text) {
        boolean bc = text.endsWith(BC);
        String body = bc ? text.substring(0, text.length() - BC.length()) : text;
        int space = body.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamp");
        }
        return LocalDateTime.of(date(body.substring(0, space), bc), time(body.substring(space + 1)));
    }

    /**
     * {@code HH:MM:SS} with up to nine fractional digits, read by hand: this runs for every temporal value of every
     * change, and {@link LocalTime#parse} costs several times more. Anything else goes to {@link LocalTime#parse}.
     */
    static LocalTime time(String text) {
        int length = text.length();
        if (length < 8 || length == 9 || length > 18 || text.charAt(2) != ':' || text.charAt(5) != ':'
                || (length > 8 && text.charAt(8) != '.')) {
            return LocalTime.parse(text);
        }
        int hour = digits(text, 0, 2);
        int minute = digits(text, 3, 5);
        int second = digits(text, 6, 8);
        int nano = 0;
        if (length > 9) {
            nano = digits(text, 9, length);
            for (int i = length - 9; i < 9; i++) {
                nano *= 10;
            }
        }
        if (hour < 0 || minute < 0 || second < 0 || nano < 0) {
            return LocalTime.parse(text);
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** {@code YYYY-MM-DD} with a year of four or more digits; BC years count back from 1 BC = year 0. */
    static LocalDate date(String text, boolean bc) {
        int firstDash = text.indexOf('-');
        int secondDash = text.indexOf('-', firstDash + 1);
        if (firstDash < 4 || secondDash < 0) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO date");
        }
        int year = Integer.parseInt(text.substring(0, firstDash));
        int month = Integer.parseInt(text.substring(firstDash + 1, secondDash));
        int day = Integer.parseInt(text.substring(secondDash + 1));
        return LocalDate.of(bc ? 1 - year : year, month, day);
    }

    /** {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}. */
    private static ZoneOffset offset(String text) {
        int sign = text.charAt(0) == '-' ? -1 : 1;
        if (text.length() == 3) {
            return ZoneOffset.ofHours(sign * Integer.parseInt(text, 1, 3, 10));
        }
        String[] parts = text.substring(1).split(":");
        int hours = Integer.parseInt(parts[0]);
        int minutes = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        int seconds = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }

    private static long micros(long epochSecond, int nanos) {
        return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nanos / 1_000L);
    }

    /** Milliseconds of a microsecond count, rounding toward negative infinity like Debezium's Timestamp. */
    static long millis(long micros) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return micros;
        }
        return Math.floorDiv(micros, 1_000L);
    }

}
