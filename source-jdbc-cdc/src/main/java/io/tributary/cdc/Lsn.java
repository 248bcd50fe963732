package io.tributary.cdc;

/** A PostgreSQL log sequence number: an unsigned 64-bit WAL position, written {@code 16/B374D848}. */
public final class Lsn {

    public static final long INVALID = 0L;

    private Lsn() {
    }

    public static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    /** Parses {@code X/Y}; throws {@link IllegalArgumentException} naming the bad text. */
    public static long parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN such as 16/B374D848");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL || high < 0 || low < 0) {
                throw new IllegalArgumentException("'" + text + "' is out of the LSN range");
            }
            return (high << 32) | low;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an LSN such as 16/B374D848", e);
        }
    }
}
