package io.tributary.cdc.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.tributary.cdc.config.SnapshotMode;
import io.tributary.cdc.connection.SlotInfo;

class StartupPlanTest {

    private static final Optional<SlotInfo> SLOT = Optional.of(new SlotInfo("s", "pgoutput", "db", false, 0, 10));
    private static final CdcOffset STREAMING = CdcOffset.streamed(50, 1, 1);
    private static final CdcOffset SNAPSHOT_DONE = CdcOffset.snapshotRecord(40, true);
    private static final CdcOffset SNAPSHOT_HALF = CdcOffset.snapshotRecord(40, false);

    @Test
    void initialSnapshotsOnceThenResumes() {
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL, null, Optional.empty(), "s"))
                .isEqualTo(new StartupPlan(true, false, true, true));
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL, null, SLOT, "s"))
                .isEqualTo(new StartupPlan(true, true, true, true));
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL, SNAPSHOT_HALF, SLOT, "s").snapshot()).isTrue();
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL, SNAPSHOT_DONE, SLOT, "s"))
                .isEqualTo(new StartupPlan(false, false, false, true));
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL, STREAMING, SLOT, "s"))
                .isEqualTo(new StartupPlan(false, false, false, true));
    }

    @Test
    void aLostSlotFailsUnlessASnapshotMayRepairIt() {
        assertThatThrownBy(() -> StartupPlan.decide(SnapshotMode.INITIAL, STREAMING, Optional.empty(), "s"))
                .hasMessageContaining("'s' no longer exists").hasMessageContaining("when_needed");
        assertThat(StartupPlan.decide(SnapshotMode.WHEN_NEEDED, STREAMING, Optional.empty(), "s").snapshot())
                .isTrue();
    }

    @Test
    void otherModes() {
        assertThat(StartupPlan.decide(SnapshotMode.NO_DATA, null, Optional.empty(), "s"))
                .isEqualTo(new StartupPlan(false, false, true, true));
        assertThat(StartupPlan.decide(SnapshotMode.ALWAYS, STREAMING, SLOT, "s"))
                .isEqualTo(new StartupPlan(true, true, true, true));
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL_ONLY, null, Optional.empty(), "s"))
                .isEqualTo(new StartupPlan(true, false, true, false));
        assertThat(StartupPlan.decide(SnapshotMode.INITIAL_ONLY, SNAPSHOT_DONE, SLOT, "s").stream()).isFalse();
    }
}
