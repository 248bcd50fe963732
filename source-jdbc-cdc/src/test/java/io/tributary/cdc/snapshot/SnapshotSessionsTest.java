package io.tributary.cdc.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SnapshotSessionsTest {

    private static final String SLOT = "tributary_inventory";

    @Test
    void findsTheNewestSnapshotSharedForItsSlotOnly() {
        String older = SnapshotSessions.shared(SLOT, new SnapshotSessions.Shared(0x16B374D848L, "00000003-0000001B-1"));
        String newer = SnapshotSessions.shared(SLOT, new SnapshotSessions.Shared(0x16B374D900L, "00000004-00000002-1"));
        String foreign = SnapshotSessions.shared("other_slot", new SnapshotSessions.Shared(0xFFFFFFFFL, "x"));
        assertThat(SnapshotSessions.findShared(SLOT, List.of(older, foreign, newer, "psql", "")))
                .contains(new SnapshotSessions.Shared(0x16B374D900L, "00000004-00000002-1"));
        assertThat(SnapshotSessions.findShared(SLOT, List.of(foreign, "psql"))).isEmpty();
    }

    @Test
    void collectsThePartsDoneWithOneSnapshot() {
        List<String> names = List.of(SnapshotSessions.done(SLOT, 100, 1), SnapshotSessions.done(SLOT, 100, 3),
                SnapshotSessions.done(SLOT, 99, 2), SnapshotSessions.done("other_slot", 100, 2),
                SnapshotSessions.tag(SLOT) + "garbage", SnapshotSessions.tag(SLOT) + "0000000000000064/d/x");
        assertThat(SnapshotSessions.partsDone(SLOT, 100, names)).containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void namesFitPostgresLimitForTheLongestSnapshotNames() {
        String name = SnapshotSessions.shared("s".repeat(63),
                new SnapshotSessions.Shared(-1L, "FFFFFFFF-FFFFFFFF-2147483647"));
        assertThat(name.length()).isLessThanOrEqualTo(63);
        assertThat(SnapshotSessions.findShared("s".repeat(63), List.of(name)))
                .contains(new SnapshotSessions.Shared(-1L, "FFFFFFFF-FFFFFFFF-2147483647"));
    }
}
