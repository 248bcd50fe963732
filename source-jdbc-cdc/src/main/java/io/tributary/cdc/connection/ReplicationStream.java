package io.tributary.cdc.connection;

import java.nio.ByteBuffer;
import java.sql.SQLException;

/** A running logical replication stream of pgoutput messages. Not thread-safe: one reader thread uses it. */
public interface ReplicationStream extends AutoCloseable {

    /** The next message, or null when none has arrived; never blocks for long. */
    ByteBuffer readPending() throws SQLException;

    /** The WAL position of the message last returned by {@link #readPending()}. */
    long lastReceivedLsn();

    /** Tells the server that everything up to {@code lsn} is safe: the slot may release the WAL before it. */
    void confirm(long lsn) throws SQLException;

    @Override
    void close() throws SQLException;
}
