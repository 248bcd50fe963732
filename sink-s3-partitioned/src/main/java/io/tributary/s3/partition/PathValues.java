package io.tributary.s3.partition;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Turns field values into path text that is safe in an object key and readable by Hive-style partition discovery. */
final class PathValues {

    /** What Hive names a partition whose column is null. */
    static final String NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathValues() {
    }

    static String text(Object value, FieldReference reference) {
        if (value == null) {
            return NULL_PARTITION;
        }
        if (value instanceof Struct || value instanceof Map || value instanceof List || value instanceof byte[]) {
            throw new DataException("Path field " + reference + " is a " + value.getClass().getSimpleName()
                    + "; only strings, numbers, booleans and dates can name a partition");
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        String text = value.toString();
        return text.isEmpty() ? NULL_PARTITION : text;
    }

    /** Percent-encodes every byte outside {@code [A-Za-z0-9._~-]} (and a value that is '.' or '..'). */
    static String escape(String text) {
        if (".".equals(text) || "..".equals(text)) {
            return text.replace(".", "%2E");
        }
        StringBuilder out = null;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean safe = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                    || b == '.' || b == '_' || b == '~' || b == '-';
            if (out == null && !safe) {
                out = new StringBuilder(bytes.length + 8);
                out.append(new String(bytes, 0, i, StandardCharsets.US_ASCII));
            }
            if (out != null) {
                if (safe) {
                    out.append((char) b);
                } else {
                    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
