package io.tributary.cdc.offset;

import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.Lsn;

/**
 * Checks offsets a user writes through {@code PATCH /connectors/{name}/offsets} (KIP-875): the one partition this
 * connector uses, well-formed offsets, and no streaming position behind what the slot already confirmed, since the
 * server cannot stream from there any more. A null offset (reset) is always accepted.
 */
public final class OffsetAlteration {

    private OffsetAlteration() {
    }

    /** Throws a {@link ConnectException} saying what is wrong; {@code confirmedFlush} empty when there is no slot. */
    public static void check(Map<String, ?> expectedPartition, Map<? extends Map<String, ?>, ? extends Map<String, ?>>
            offsets, OptionalLong confirmedFlush) {
        for (Map.Entry<? extends Map<String, ?>, ? extends Map<String, ?>> entry : offsets.entrySet()) {
            if (!expectedPartition.equals(entry.getKey())) {
                throw new ConnectException("Unknown source partition " + entry.getKey() + ": this connector only has "
                        + expectedPartition);
            }
            if (entry.getValue() == null) {
                continue;
            }
            CdcOffset offset;
            try {
                offset = CdcOffset.fromMap(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new ConnectException("Malformed offset " + entry.getValue() + ": " + e.getMessage()
                        + ". A streaming offset has numeric lsn_commit, txId and event_serial", e);
            }
            if (offset.lsn() < 0) {
                throw new ConnectException("Malformed offset " + entry.getValue() + ": the LSN cannot be negative");
            }
            if (!offset.snapshot() && confirmedFlush.isPresent() && offset.lsn() < confirmedFlush.getAsLong()) {
                throw new ConnectException("Offset LSN " + Lsn.format(offset.lsn()) + " is behind the slot's "
                        + "confirmed flush position " + Lsn.format(confirmedFlush.getAsLong()) + ": the server no "
                        + "longer has the changes before it. Choose an LSN at or after it, or reset the offsets "
                        + "(null) to take a new snapshot");
            }
        }
    }
}
