package io.tributary.cdc.types;

import java.math.BigDecimal;

/**
 * Reads an interval in ISO 8601 form ({@code IntervalStyle=iso_8601}), e.g. {@code P1Y2M3DT4H5M6.5S} or
 * {@code P-1Y-2M3DT-4H}, as microseconds the way Debezium's {@code MicroDuration} counts them: a month is the average
 * 365.25 / 12 days (30.4375 days = 2,629,800 s), a day 24 hours.
 */
public final class IntervalText {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    private static final long MICROS_PER_MONTH = 2_629_800L * MICROS_PER_SECOND;

    private IntervalText() {
    }

    public static long micros(String text) {
        if (text.isEmpty() || text.charAt(0) != 'P') {
            throw new IllegalArgumentException("'" + text + "' is not an ISO 8601 interval");
        }
        long total = 0;
        boolean time = false;
        int start = 1;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'T') {
                time = true;
                start = i + 1;
            } else if (Character.isLetter(c)) {
                BigDecimal amount = new BigDecimal(text.substring(start, i));
                total = Math.addExact(total, component(amount, c, time, text));
                start = i + 1;
            }
        }
        return total;
    }

    private static long component(BigDecimal amount, char unit, boolean time, String text) {
        long micros = switch (time ? Character.toLowerCase(unit) : unit) {
            case 'Y' -> 12 * MICROS_PER_MONTH;
            case 'M' -> MICROS_PER_MONTH;
            case 'W' -> 7 * MICROS_PER_DAY;
            case 'D' -> MICROS_PER_DAY;
            case 'h' -> 3_600L * MICROS_PER_SECOND;
            case 'm' -> 60L * MICROS_PER_SECOND;
            case 's' -> MICROS_PER_SECOND;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "'");
        };
        return amount.multiply(BigDecimal.valueOf(micros)).longValueExact();
    }
}
