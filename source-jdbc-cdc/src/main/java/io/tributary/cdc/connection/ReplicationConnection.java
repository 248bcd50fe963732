package io.tributary.cdc.connection;

import java.sql.SQLException;
import java.time.Duration;

/** A walsender connection ({@code replication=database}): creates slots and streams from them. */
public interface ReplicationConnection extends AutoCloseable {

    /**
     * Creates a logical slot for pgoutput. With {@code exportSnapshot}, the returned snapshot stays importable until
     * this connection runs its next command.
     */
    CreatedSlot createSlot(String name, boolean exportSnapshot) throws SQLException;

    /** Streams the slot's changes of {@code publication}'s tables, from {@code startLsn} (0: where the slot is). */
    ReplicationStream startStreaming(String slot, String publication, long startLsn, Duration statusInterval)
            throws SQLException;

    @Override
    void close() throws SQLException;
}
