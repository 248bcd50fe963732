package io.tributary.cdc.config;

/** When the connector reads the captured tables' existing rows, as Debezium's {@code snapshot.mode}. */
public enum SnapshotMode {
    /** Snapshot when the connector has no offsets yet (or its snapshot did not finish), then stream. */
    INITIAL,
    /** Snapshot as {@link #INITIAL} does, then stop: no streaming. */
    INITIAL_ONLY,
    /** Never snapshot: stream changes from the slot's position. {@code never} is accepted as an alias. */
    NO_DATA,
    /** Snapshot when there are no offsets or the slot is gone, then stream. */
    WHEN_NEEDED,
    /** Snapshot at every start (recreating the slot), then stream. */
    ALWAYS;

    static final String NEVER_ALIAS = "never";
}
