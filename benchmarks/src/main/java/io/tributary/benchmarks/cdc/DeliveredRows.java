package io.tributary.benchmarks.cdc;

import java.util.BitSet;

/** The row ids read back from a contestant's topic, checked against the ids 1..n the database holds. */
final class DeliveredRows {

    private DeliveredRows() {
    }

    /** Fails, saying what is wrong, unless {@code ids} holds each of 1..{@code expected} exactly once. */
    static void requireExactly(long[] ids, long expected, String contestant) {
        BitSet seen = new BitSet();
        long duplicates = 0;
        long outOfRange = 0;
        for (long id : ids) {
            if (id < 1 || id > expected) {
                outOfRange++;
            } else if (seen.get((int) id)) {
                duplicates++;
            } else {
                seen.set((int) id);
            }
        }
        long missing = expected - seen.cardinality();
        if (duplicates > 0 || outOfRange > 0 || missing > 0) {
            throw new IllegalStateException(contestant + " delivered " + ids.length + " records for " + expected
                    + " rows: " + missing + " missing (first: " + seen.nextClearBit(1) + "), " + duplicates
                    + " duplicates, " + outOfRange + " with an id outside 1.." + expected);
        }
    }
}
