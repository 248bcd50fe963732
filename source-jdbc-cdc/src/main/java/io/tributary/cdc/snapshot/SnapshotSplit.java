package io.tributary.cdc.snapshot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.tributary.cdc.event.TableId;

/**
 * Which rows each of the tasks of a parallel snapshot reads. Pure: every task computes its own share from the same
 * row counts, taken in the same exported snapshot, so the shares never overlap and leave nothing out. A table with a
 * primary key and at least {@code parts * minRowsPerPart} rows is split into equal key-ordered ranges, one per task;
 * every other table is read whole by the task with the least rows so far.
 */
public final class SnapshotSplit {

    /** A captured table as the snapshot sees it. */
    public record TableSize(TableId table, boolean keyed, long rows) {
    }

    /** Rows {@code [from, to)} of {@code table} in key order, of {@code rows} in all. */
    public record Range(TableId table, long from, long to, long rows) {

        public static Range whole(TableId table) {
            return new Range(table, 0, Long.MAX_VALUE, Long.MAX_VALUE);
        }

        public boolean startsTable() {
            return from == 0;
        }

        public boolean endsTable() {
            return to == rows;
        }
    }

    private SnapshotSplit() {
    }

    /** The ranges task {@code part} (0-based) of {@code parts} reads, in the order of {@code tables}. */
    public static List<Range> rangesOf(int part, int parts, List<TableSize> tables, long minRowsPerPart) {
        if (part < 0 || part >= parts) {
            throw new IllegalArgumentException("Part " + part + " of " + parts);
        }
        long[] load = new long[parts];
        List<Range> mine = new ArrayList<>();
        List<TableSize> whole = new ArrayList<>();
        for (TableSize table : tables) {
            if (table.keyed() && table.rows() >= parts * Math.max(1, minRowsPerPart)) {
                for (int p = 0; p < parts; p++) {
                    long from = table.rows() * p / parts;
                    long to = table.rows() * (p + 1) / parts;
                    load[p] += to - from;
                    if (p == part) {
                        mine.add(new Range(table.table(), from, to, table.rows()));
                    }
                }
            } else {
                whole.add(table);
            }
        }
        for (TableSize table : whole) {
            int least = 0;
            for (int p = 1; p < parts; p++) {
                if (load[p] < load[least]) {
                    least = p;
                }
            }
            load[least] += table.rows();
            if (least == part) {
                mine.add(new Range(table.table(), 0, table.rows(), table.rows()));
            }
        }
        List<TableId> order = tables.stream().map(TableSize::table).toList();
        mine.sort(Comparator.comparingInt((Range r) -> order.indexOf(r.table())).thenComparingLong(Range::from));
        return mine;
    }
}
