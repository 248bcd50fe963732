package io.tributary.cdc.connection;

/** A replication slot as {@code pg_replication_slots} shows it. {@code activePid} is 0 when nobody streams from it. */
public record SlotInfo(String name, String plugin, String database, boolean active, int activePid,
        long confirmedFlushLsn) {
}
