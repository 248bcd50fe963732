package io.tributary.cdc.snapshot;

import java.sql.SQLException;

import io.tributary.cdc.connection.SnapshotConnection;

/**
 * The tasks that read one snapshot together ({@code tasks.max > 1}), as one of them sees the others. Part 0, the lead,
 * created the slot and streams after the snapshot: it shares its snapshot when it starts reading, and before its own
 * last record (the one whose offset says the snapshot is complete) waits until every other part's rows are durable in
 * Kafka, so that no streamed change can overtake the snapshot read of its row. Every other part reads its share in the
 * shared snapshot and, once its rows are durable, says it is done.
 */
public interface SnapshotTeam {

    /** The only task of a snapshot. */
    SnapshotTeam ALONE = new SnapshotTeam() {
        @Override
        public int part() {
            return 0;
        }

        @Override
        public int parts() {
            return 1;
        }

        @Override
        public void joined(SnapshotConnection connection, long lsn, String snapshotName) {
        }

        @Override
        public boolean finish(SnapshotConnection connection, long lsn, boolean emitted) {
            return true;
        }
    };

    /** This task's part, 0-based; 0 is the lead. */
    int part();

    int parts();

    default boolean lead() {
        return part() == 0;
    }

    /** Called in the snapshot's transaction before anything is read. */
    void joined(SnapshotConnection connection, long lsn, String snapshotName) throws SQLException;

    /**
     * The lead calls this before queueing its last record, every other part after queueing its last ({@code
     * emitted} false when it had no rows); returns false when the task was stopped meanwhile.
     */
    boolean finish(SnapshotConnection connection, long lsn, boolean emitted) throws SQLException,
            InterruptedException;
}
