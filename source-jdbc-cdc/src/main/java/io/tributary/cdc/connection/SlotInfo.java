package io.tributary.cdc.connection;

/**
 * A replication slot as {@code pg_replication_slots} shows it. {@code activePid} is 0 when nobody streams from it;
 * {@code invalidated} when the server removed WAL the slot still needed ({@code wal_status = 'lost'}), so it can
 * never stream again.
 */
public record SlotInfo(String name, String plugin, String database, boolean active, int activePid,
        long confirmedFlushLsn, boolean invalidated) {

    /** A slot that is still valid. */
    public SlotInfo(String name, String plugin, String database, boolean active, int activePid,
            long confirmedFlushLsn) {
        this(name, plugin, database, active, activePid, confirmedFlushLsn, false);
    }
}
