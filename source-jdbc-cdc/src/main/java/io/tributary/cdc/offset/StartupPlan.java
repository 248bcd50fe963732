package io.tributary.cdc.offset;

import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.config.SnapshotMode;
import io.tributary.cdc.connection.SlotInfo;

/**
 * What a task does at start, from the snapshot mode, its stored offset and the slot: snapshot or not, and whether the
 * slot must be (re)created. A snapshot always gets a new slot, because only a new slot exports the snapshot that
 * matches its starting point.
 */
public record StartupPlan(boolean snapshot, boolean dropSlot, boolean createSlot, boolean stream) {

    public static StartupPlan decide(SnapshotMode mode, CdcOffset stored, Optional<SlotInfo> slot, String slotName) {
        boolean resumable = stored != null && !stored.snapshotIncomplete();
        boolean slotExists = slot.isPresent();
        boolean snapshot = switch (mode) {
            case INITIAL, INITIAL_ONLY -> !resumable;
            case WHEN_NEEDED -> !resumable || !slotExists;
            case ALWAYS -> true;
            case NO_DATA -> false;
        };
        boolean stream = mode != SnapshotMode.INITIAL_ONLY;
        if (snapshot) {
            return new StartupPlan(true, slotExists, true, stream);
        }
        if (!stream) {
            return new StartupPlan(false, false, false, false);
        }
        if (!slotExists && resumable) {
            throw new ConnectException("Replication slot '" + slotName + "' no longer exists, so the changes made "
                    + "since offset " + stored.toMap() + " are lost to this connector. Set snapshot.mode=when_needed "
                    + "to take a new snapshot, or delete the connector's offsets to start over.");
        }
        return new StartupPlan(false, false, !slotExists, true);
    }
}
