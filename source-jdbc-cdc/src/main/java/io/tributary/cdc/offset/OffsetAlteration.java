package io.tributary.cdc.offset;

import java.util.Map;
import java.util.OptionalLong;

import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.cdc.Lsn;

/**
 * Checks offsets a user writes through {@code PATCH /connectors/{name}/offsets} (KIP-875): the connector's own
 * partitions ({@link SourcePartitions}; a snapshot part's takes only snapshot offsets), well-formed offsets, and no
 * streaming position behind what the slot already confirmed, since the server cannot stream from there any more. A
 * null offset (reset) is always accepted.
 */
public final class OffsetAlteration {

    private OffsetAlteration() {
    }

    /** Throws a {@link ConnectException} saying what is wrong; {@code confirmedFlush} empty when there is no slot. */
    public static void check(String topicPrefix, Map<? extends Map<String, ?>, ? extends Map<String, ?>> offsets,
            OptionalLong confirmedFlush) {
        for (Map.Entry<? extends Map<String, ?>, ? extends Map<String, ?>> entry : offsets.entrySet()) {
            int part = SourcePartitions.partOf(topicPrefix, entry.getKey());
            if (part < 0) {
                throw new ConnectException("Unknown source partition " + entry.getKey() + ": this connector has "
                        + SourcePartitions.of(topicPrefix, 0) + " and, for a parallel snapshot, "
                        + SourcePartitions.of(topicPrefix, 1) + " and so on");
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
            if (part > 0 && !offset.snapshot()) {
                throw new ConnectException("Offset " + entry.getValue() + " of snapshot part " + part + " must be a "
                        + "snapshot offset (snapshot=true): only the first task streams");
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
