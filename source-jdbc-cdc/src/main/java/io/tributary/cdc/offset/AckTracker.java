package io.tributary.cdc.offset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides how far the slot may be confirmed: a transaction counts once its commit was read and every record it
 * produced is safely in Kafka; the confirmable LSN is the end of the last transaction of the longest prefix that
 * counts. Thread-safe: the reader registers, the task's commitRecord and commit acknowledge.
 *
 * <p>With Kafka transactions (exactly-once), a record the producer acknowledged may still be aborted, so when
 * {@code waitForKafkaCommit} is set a record counts only once {@link #kafkaCommitted()} follows its acknowledgement.
 */
public final class AckTracker {

    private static final class Txn {
        final long commitLsn;
        long pending;
        long lastAck;
        long endLsn = -1;

        Txn(long commitLsn) {
            this.commitLsn = commitLsn;
        }
    }

    private final Deque<Txn> inOrder = new ArrayDeque<>();
    private final Map<Long, Txn> byCommitLsn = new HashMap<>();
    private final boolean waitForKafkaCommit;
    private long acks;
    private long committedAcks;
    private long confirmable;

    /** Acknowledged records count at once: what the producer acknowledged is in Kafka. */
    public AckTracker() {
        this(false);
    }

    /** With {@code waitForKafkaCommit}, acknowledgements count only after {@link #kafkaCommitted()}. */
    public AckTracker(boolean waitForKafkaCommit) {
        this.waitForKafkaCommit = waitForKafkaCommit;
    }

    /** A transaction whose commit record is at {@code commitLsn} starts (again, after a reconnection: no-op). */
    public synchronized void begin(long commitLsn) {
        if (byCommitLsn.containsKey(commitLsn)) {
            return; // sent again after a reconnection
        }
        Txn txn = new Txn(commitLsn);
        inOrder.addLast(txn);
        byCommitLsn.put(commitLsn, txn);
    }

    /** The transaction produced one more record that Kafka must acknowledge. */
    public synchronized void recordEmitted(long commitLsn) {
        Txn txn = byCommitLsn.get(commitLsn);
        if (txn != null) {
            txn.pending++;
        }
    }

    /** The transaction's commit was read; its commit record ends at {@code endLsn}. */
    public synchronized void committed(long commitLsn, long endLsn) {
        Txn txn = byCommitLsn.get(commitLsn);
        if (txn != null) {
            txn.endLsn = endLsn;
        }
        advance();
    }

    /** Kafka acknowledged one record of the transaction. */
    public synchronized void acknowledged(long commitLsn) {
        Txn txn = byCommitLsn.get(commitLsn);
        if (txn != null && txn.pending > 0) {
            txn.pending--;
            txn.lastAck = ++acks;
            if (!waitForKafkaCommit) {
                committedAcks = acks;
            }
            advance();
        }
    }

    /** Kafka committed every record acknowledged so far (offsets flushed, or a Kafka transaction committed). */
    public synchronized void kafkaCommitted() {
        committedAcks = acks;
        advance();
    }

    /**
     * Forgets every transaction read so far: the slot they came from is gone and a new one starts from scratch, so
     * nothing more is confirmed for them (their late acknowledgements are ignored).
     */
    public synchronized void forget() {
        inOrder.clear();
        byCommitLsn.clear();
        confirmable = 0;
    }

    /** The LSN up to which everything is in Kafka, or 0 when nothing is yet. */
    public synchronized long confirmableLsn() {
        return confirmable;
    }

    /** True when every transaction read so far is safely in Kafka. */
    public synchronized boolean settled() {
        return inOrder.isEmpty();
    }

    private void advance() {
        while (!inOrder.isEmpty() && done(inOrder.peekFirst())) {
            Txn txn = inOrder.removeFirst();
            byCommitLsn.remove(txn.commitLsn);
            confirmable = Math.max(confirmable, txn.endLsn);
        }
    }

    private boolean done(Txn txn) {
        return txn.endLsn >= 0 && txn.pending == 0 && txn.lastAck <= committedAcks;
    }
}
