package io.tributary.cdc.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.tributary.cdc.event.TableId;

class SnapshotSplitTest {

    private static SnapshotSplit.TableSize table(String name, boolean keyed, long rows) {
        return new SnapshotSplit.TableSize(new TableId("public", name), keyed, rows);
    }

    @Test
    void splitsALargeKeyedTableIntoEqualKeyRanges() {
        List<SnapshotSplit.TableSize> tables = List.of(table("big", true, 1_000_000));
        assertThat(SnapshotSplit.rangesOf(0, 4, tables, 10_000)).containsExactly(
                new SnapshotSplit.Range(new TableId("public", "big"), 0, 250_000, 1_000_000));
        assertThat(SnapshotSplit.rangesOf(3, 4, tables, 10_000)).containsExactly(
                new SnapshotSplit.Range(new TableId("public", "big"), 750_000, 1_000_000, 1_000_000));
        assertThat(SnapshotSplit.rangesOf(3, 4, tables, 10_000).get(0).endsTable()).isTrue();
        assertThat(SnapshotSplit.rangesOf(1, 4, tables, 10_000).get(0).startsTable()).isFalse();
    }

    @Test
    void keepsSmallAndKeylessTablesWholeWithTheLeastLoadedTask() {
        List<SnapshotSplit.TableSize> tables = List.of(table("big", true, 100_000), table("heap", false, 500_000),
                table("small", true, 10), table("tiny", true, 3));
        // big splits 50,000 each; heap goes to part 0, then small and tiny to part 1, the lighter one.
        assertThat(SnapshotSplit.rangesOf(0, 2, tables, 1_000)).extracting(r -> r.table().table())
                .containsExactly("big", "heap");
        assertThat(SnapshotSplit.rangesOf(1, 2, tables, 1_000)).extracting(r -> r.table().table())
                .containsExactly("big", "small", "tiny");
    }

    @Test
    void everyRowBelongsToExactlyOnePart() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<SnapshotSplit.TableSize> tables = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(6); t++) {
                tables.add(table("t" + t, random.nextBoolean(), random.nextInt(5) == 0 ? 0 : random.nextInt(5_000)));
            }
            int parts = 1 + random.nextInt(6);
            long minRows = 1 + random.nextInt(300);
            Map<TableId, long[]> covered = new HashMap<>();
            for (int part = 0; part < parts; part++) {
                for (SnapshotSplit.Range range : SnapshotSplit.rangesOf(part, parts, tables, minRows)) {
                    long[] rows = covered.computeIfAbsent(range.table(), id -> new long[] {0});
                    assertThat(range.from()).as("ranges of %s follow each other", range.table())
                            .isEqualTo(rows[0]);
                    rows[0] = range.to();
                }
            }
            for (SnapshotSplit.TableSize table : tables) {
                assertThat(covered.get(table.table())).as("%s in %d parts", table, parts).isNotNull();
                assertThat(covered.get(table.table())[0]).isEqualTo(table.rows());
            }
        }
    }

    @Test
    void rejectsAPartOutsideTheTeam() {
        assertThatThrownBy(() -> SnapshotSplit.rangesOf(2, 2, List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
