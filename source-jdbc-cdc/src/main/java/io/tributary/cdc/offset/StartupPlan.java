package io.tributary.cdc.offset;

import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.Lsn;
import io.tributary.cdc.config.SnapshotMode;
import io.tributary.cdc.connection.SlotInfo;

/**
 * What a task does at start, from the snapshot mode, its stored offset and the slot: snapshot or not, and whether the
 * slot must be (re)created. A snapshot always gets a new slot, because only a new slot exports the snapshot that
 * matches its starting point. A slot the server invalidated counts as lost: it can never stream again.
 */
public record StartupPlan(boolean snapshot, boolean dropSlot, boolean createSlot, boolean stream) {

    public static StartupPlan decide(SnapshotMode mode, CdcOffset stored, Optional<SlotInfo> slot, String slotName) {
        boolean resumable = stored != null && !stored.snapshotIncomplete();
        boolean slotExists = slot.isPresent();
        boolean slotUsable = slotExists && !slot.get().invalidated();
        boolean snapshot = switch (mode) {
            case INITIAL, INITIAL_ONLY -> !resumable;
            case WHEN_NEEDED -> !resumable || !slotUsable;
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
        if (!slotUsable && resumable) {
            throw new ConnectException(slotLostMessage(slotName, slotExists, stored.lsn()));
        }
        return new StartupPlan(false, slotExists && !slotUsable, !slotUsable, true);
    }

    /**
     * Why the connector cannot go on after its slot was dropped ({@code invalidated} false) or invalidated, since
     * {@code lsn}, and what the user can do.
     */
    public static String slotLostMessage(String slotName, boolean invalidated, long lsn) {
        String what = invalidated
                ? "Replication slot '" + slotName + "' was invalidated: PostgreSQL removed WAL it still needed "
                        + "(see max_slot_wal_keep_size)"
                : "Replication slot '" + slotName + "' no longer exists";
        return what + ", so the changes made since LSN " + Lsn.format(lsn) + " are lost to this connector. Set "
                + "snapshot.mode=when_needed to take a new snapshot, or delete the connector's offsets (and, if "
                + "invalidated, the slot) to start over.";
    }
}
