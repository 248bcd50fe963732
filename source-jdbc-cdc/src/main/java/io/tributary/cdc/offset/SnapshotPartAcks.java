package io.tributary.cdc.offset;

/**
 * When a snapshot part's rows are durable in Kafka: its last record was acknowledged, and Connect then called
 * {@code poll()} again. Without exactly-once support the acknowledgement alone means durable; with it, Connect commits
 * the Kafka transaction that holds an acknowledged record before it polls again, and fails the task instead when the
 * commit fails. Written by Connect's threads, read by the part's reader thread.
 */
public final class SnapshotPartAcks {

    private volatile long acknowledged = -1;
    private volatile long durable = -1;

    /** Connect acknowledged a record of this part with {@code offset}. */
    public void acknowledged(CdcOffset offset) {
        if (offset != null && offset.snapshot() && offset.lastSnapshotRecord()) {
            acknowledged = offset.lsn();
        }
    }

    /** Connect is about to poll: what was acknowledged before is committed. */
    public void polling() {
        durable = acknowledged;
    }

    /** Whether the part of the snapshot at {@code lsn} is durable. */
    public boolean durable(long lsn) {
        return durable == lsn;
    }
}
