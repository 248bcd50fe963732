package io.tributary.cdc.decoder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Decodes one pgoutput message from a {@link ByteBuffer} positioned at its first byte (the message type). Pure: no
 * state between calls; the caller says whether the message is inside a streamed chunk (between Stream Start and
 * Stream Stop), where data messages carry a transaction id.
 */
public final class PgOutputDecoder {

    /** Microseconds between 1970-01-01 and PostgreSQL's epoch, 2000-01-01 (UTC). */
    static final long PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000L;

    private PgOutputDecoder() {
    }

    /** Decodes a message outside a streamed chunk. */
    public static PgOutputMessage decode(ByteBuffer buffer) {
        return decode(buffer, false);
    }

    public static PgOutputMessage decode(ByteBuffer buffer, boolean insideStream) {
        if (!buffer.hasRemaining()) {
            throw new DecodingException("empty pgoutput message");
        }
        char type = (char) buffer.get();
        try {
            return switch (type) {
                case 'B' -> new PgOutputMessage.Begin(buffer.getLong(), timestamp(buffer), unsignedInt(buffer));
                case 'C' -> new PgOutputMessage.Commit(buffer.get(), buffer.getLong(), buffer.getLong(),
                        timestamp(buffer));
                case 'O' -> new PgOutputMessage.Origin(buffer.getLong(), string(buffer));
                case 'R' -> relation(buffer, xid(buffer, insideStream));
                case 'Y' -> new PgOutputMessage.Type(xid(buffer, insideStream), buffer.getInt(), string(buffer),
                        string(buffer));
                case 'I' -> insert(buffer, xid(buffer, insideStream));
                case 'U' -> update(buffer, xid(buffer, insideStream));
                case 'D' -> delete(buffer, xid(buffer, insideStream));
                case 'T' -> truncate(buffer, xid(buffer, insideStream));
                case 'M' -> message(buffer, xid(buffer, insideStream));
                case 'S' -> new PgOutputMessage.StreamStart(unsignedInt(buffer), buffer.get() == 1);
                case 'E' -> new PgOutputMessage.StreamStop();
                case 'c' -> new PgOutputMessage.StreamCommit(unsignedInt(buffer), buffer.get(), buffer.getLong(),
                        buffer.getLong(), timestamp(buffer));
                case 'A' -> streamAbort(buffer);
                default -> throw new DecodingException("unknown pgoutput message type '" + type + "'");
            };
        } catch (java.nio.BufferUnderflowException e) {
            throw new DecodingException("pgoutput message '" + type + "' ends early at byte " + buffer.position());
        }
    }

    private static long xid(ByteBuffer buffer, boolean insideStream) {
        return insideStream ? unsignedInt(buffer) : 0L;
    }

    private static PgOutputMessage.Relation relation(ByteBuffer buffer, long xid) {
        int relationId = buffer.getInt();
        String namespace = string(buffer);
        String name = string(buffer);
        char replicaIdentity = (char) buffer.get();
        int count = buffer.getShort() & 0xFFFF;
        List<PgOutputMessage.Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (buffer.get() & 1) != 0;
            columns.add(new PgOutputMessage.Column(key, string(buffer), buffer.getInt(), buffer.getInt()));
        }
        return new PgOutputMessage.Relation(xid, relationId, namespace, name, replicaIdentity,
                Collections.unmodifiableList(columns));
    }

    private static PgOutputMessage.Insert insert(ByteBuffer buffer, long xid) {
        int relationId = buffer.getInt();
        expect(buffer, 'N', "Insert");
        return new PgOutputMessage.Insert(xid, relationId, tuple(buffer));
    }

    private static PgOutputMessage.Update update(ByteBuffer buffer, long xid) {
        int relationId = buffer.getInt();
        char next = (char) buffer.get();
        char oldKind = 0;
        List<TupleValue> oldTuple = null;
        if (next == 'K' || next == 'O') {
            oldKind = next;
            oldTuple = tuple(buffer);
            next = (char) buffer.get();
        }
        if (next != 'N') {
            throw new DecodingException("Update: expected 'N' before the new tuple, found '" + next + "'");
        }
        return new PgOutputMessage.Update(xid, relationId, oldKind, oldTuple, tuple(buffer));
    }

    private static PgOutputMessage.Delete delete(ByteBuffer buffer, long xid) {
        int relationId = buffer.getInt();
        char oldKind = (char) buffer.get();
        if (oldKind != 'K' && oldKind != 'O') {
            throw new DecodingException("Delete: expected 'K' or 'O', found '" + oldKind + "'");
        }
        return new PgOutputMessage.Delete(xid, relationId, oldKind, tuple(buffer));
    }

    private static PgOutputMessage.Truncate truncate(ByteBuffer buffer, long xid) {
        int count = buffer.getInt();
        int options = buffer.get();
        List<Integer> relationIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            relationIds.add(buffer.getInt());
        }
        return new PgOutputMessage.Truncate(xid, options, Collections.unmodifiableList(relationIds));
    }

    private static PgOutputMessage.Message message(ByteBuffer buffer, long xid) {
        int flags = buffer.get();
        long lsn = buffer.getLong();
        String prefix = string(buffer);
        byte[] content = new byte[buffer.getInt()];
        buffer.get(content);
        return new PgOutputMessage.Message(xid, flags, lsn, prefix, content);
    }

    private static PgOutputMessage.StreamAbort streamAbort(ByteBuffer buffer) {
        long xid = unsignedInt(buffer);
        long subXid = unsignedInt(buffer);
        if (buffer.remaining() >= 16) {
            return new PgOutputMessage.StreamAbort(xid, subXid, buffer.getLong(), timestamp(buffer));
        }
        return new PgOutputMessage.StreamAbort(xid, subXid, 0L, 0L);
    }

    private static List<TupleValue> tuple(ByteBuffer buffer) {
        int count = buffer.getShort() & 0xFFFF;
        List<TupleValue> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TupleValue.Kind kind = TupleValue.Kind.of(buffer.get());
            switch (kind) {
                case NULL -> values.add(TupleValue.NULL);
                case UNCHANGED_TOAST -> values.add(TupleValue.UNCHANGED_TOAST);
                default -> {
                    int length = buffer.getInt();
                    if (length < 0 || length > buffer.remaining()) {
                        throw new DecodingException("tuple column " + i + " claims " + length + " bytes, "
                                + buffer.remaining() + " remain");
                    }
                    byte[] data = new byte[length];
                    buffer.get(data);
                    values.add(new TupleValue(kind, data));
                }
            }
        }
        return Collections.unmodifiableList(values);
    }

    private static void expect(ByteBuffer buffer, char wanted, String message) {
        char found = (char) buffer.get();
        if (found != wanted) {
            throw new DecodingException(message + ": expected '" + wanted + "', found '" + found + "'");
        }
    }

    private static long unsignedInt(ByteBuffer buffer) {
        return buffer.getInt() & 0xFFFFFFFFL;
    }

    private static long timestamp(ByteBuffer buffer) {
        return buffer.getLong() + PG_EPOCH_OFFSET_MICROS;
    }

    /** A NUL-terminated UTF-8 string. */
    private static String string(ByteBuffer buffer) {
        int start = buffer.position();
        int end = start;
        while (end < buffer.limit() && buffer.get(end) != 0) {
            end++;
        }
        if (end == buffer.limit()) {
            throw new DecodingException("string at byte " + start + " has no terminating NUL");
        }
        byte[] bytes = new byte[end - start];
        buffer.get(bytes);
        buffer.get();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
