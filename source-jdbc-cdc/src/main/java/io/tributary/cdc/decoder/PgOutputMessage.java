package io.tributary.cdc.decoder;

import java.util.List;

/**
 * The messages of PostgreSQL's pgoutput logical replication protocol (versions 1 to 4), decoded. Transaction ids are
 * 0 where the message carries none. Timestamps are microseconds since the Unix epoch.
 */
public sealed interface PgOutputMessage {

    /** 'B': a transaction starts; {@code finalLsn} is the LSN of its commit record. */
    record Begin(long finalLsn, long commitTimeMicros, long xid) implements PgOutputMessage {
    }

    /** 'C': the transaction committed; {@code endLsn} is the end of its commit record. */
    record Commit(int flags, long commitLsn, long endLsn, long commitTimeMicros) implements PgOutputMessage {
    }

    /** 'O': the transaction was replicated into this server from {@code name}. */
    record Origin(long commitLsn, String name) implements PgOutputMessage {
    }

    /** 'R': the columns of a table; sent before its first change and again after a schema change. */
    record Relation(long xid, int relationId, String namespace, String name, char replicaIdentity,
            List<Column> columns) implements PgOutputMessage {
    }

    /** One column of a {@link Relation}; {@code key} when it is part of the replica identity. */
    record Column(boolean key, String name, int typeOid, int typeModifier) {
    }

    /** 'Y': the name of a non-built-in type that a following {@link Relation} uses. */
    record Type(long xid, int typeOid, String namespace, String name) implements PgOutputMessage {
    }

    /** 'I': a new row. */
    record Insert(long xid, int relationId, List<TupleValue> newTuple) implements PgOutputMessage {
    }

    /**
     * 'U': a changed row. {@code oldTuple} is the old replica-identity key ({@code oldKind} 'K') or the whole old row
     * ('O', REPLICA IDENTITY FULL), or null (kind 0) when the key did not change.
     */
    record Update(long xid, int relationId, char oldKind, List<TupleValue> oldTuple, List<TupleValue> newTuple)
            implements PgOutputMessage {
    }

    /** 'D': a deleted row, identified by its key ('K') or, under REPLICA IDENTITY FULL, the whole old row ('O'). */
    record Delete(long xid, int relationId, char oldKind, List<TupleValue> oldTuple) implements PgOutputMessage {
    }

    /** 'T': tables truncated together; options bit 1 is CASCADE, bit 2 RESTART IDENTITY. */
    record Truncate(long xid, int options, List<Integer> relationIds) implements PgOutputMessage {
        public boolean cascade() {
            return (options & 1) != 0;
        }

        public boolean restartIdentity() {
            return (options & 2) != 0;
        }
    }

    /** 'M': a message written with {@code pg_logical_emit_message}; {@code transactional} when flags bit 1 is set. */
    record Message(long xid, int flags, long lsn, String prefix, byte[] content) implements PgOutputMessage {
        public boolean transactional() {
            return (flags & 1) != 0;
        }
    }

    /** 'S': a chunk of an in-progress (streamed) transaction starts (protocol 2+). */
    record StreamStart(long xid, boolean firstSegment) implements PgOutputMessage {
    }

    /** 'E': the current streamed chunk ends. */
    record StreamStop() implements PgOutputMessage {
    }

    /** 'c': a streamed transaction committed. */
    record StreamCommit(long xid, int flags, long commitLsn, long endLsn, long commitTimeMicros)
            implements PgOutputMessage {
    }

    /**
     * 'A': a streamed (sub)transaction aborted; {@code abortLsn} and {@code abortTimeMicros} are 0 unless the server
     * sends them (protocol 4 with parallel streaming).
     */
    record StreamAbort(long xid, long subXid, long abortLsn, long abortTimeMicros) implements PgOutputMessage {
    }
}
