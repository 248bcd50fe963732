package io.tributary.benchmarks.s3;

import java.util.BitSet;

/** Counts the ids read back from S3 against the expected ids {@code 0..expected-1}: lost, duplicated, unexpected. */
public final class IdTally {

    private final long expected;
    private final BitSet seen;
    private long lines;
    private long duplicates;
    private long unexpected;

    public IdTally(long expected) {
        if (expected > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Too many records to tally: " + expected);
        }
        this.expected = expected;
        this.seen = new BitSet((int) expected);
    }

    public synchronized void add(long id) {
        lines++;
        if (id < 0 || id >= expected) {
            unexpected++;
        } else if (seen.get((int) id)) {
            duplicates++;
        } else {
            seen.set((int) id);
        }
    }

    public synchronized long lines() {
        return lines;
    }

    public synchronized long lost() {
        return expected - seen.cardinality();
    }

    public synchronized long duplicates() {
        return duplicates;
    }

    public synchronized long unexpected() {
        return unexpected;
    }
}
