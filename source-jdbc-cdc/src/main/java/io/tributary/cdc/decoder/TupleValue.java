package io.tributary.cdc.decoder;

import java.nio.charset.StandardCharsets;

/**
 * One column of a pgoutput tuple: SQL NULL, an unchanged TOASTed value the server did not send, or the value's
 * text or binary form.
 */
public record TupleValue(Kind kind, byte[] data) {

    /** The column kinds of pgoutput's TupleData, by their wire byte. */
    public enum Kind {
        NULL('n'), UNCHANGED_TOAST('u'), TEXT('t'), BINARY('b');

        private final char wire;

        Kind(char wire) {
            this.wire = wire;
        }

        public char wire() {
            return wire;
        }

        static Kind of(byte wire) {
            for (Kind kind : values()) {
                if (kind.wire == wire) {
                    return kind;
                }
            }
            throw new DecodingException("unknown tuple column kind '" + (char) wire + "' (0x"
                    + Integer.toHexString(wire & 0xFF) + ")");
        }
    }

    public static final TupleValue NULL = new TupleValue(Kind.NULL, null);
    public static final TupleValue UNCHANGED_TOAST = new TupleValue(Kind.UNCHANGED_TOAST, null);

    public static TupleValue text(String value) {
        return new TupleValue(Kind.TEXT, value.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isUnchangedToast() {
        return kind == Kind.UNCHANGED_TOAST;
    }

    /** The text form (UTF-8), or null for NULL and unchanged TOAST. */
    public String text() {
        return data == null ? null : new String(data, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TupleValue that && kind == that.kind && java.util.Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * kind.hashCode() + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return kind == Kind.TEXT ? "'" + text() + "'" : kind == Kind.BINARY ? data.length + " bytes" : kind.name();
    }
}
