package io.tributary.cdc.connection;

/**
 * A slot just created: the LSN from which it streams, and (when exported) the name of the snapshot that shows the
 * database exactly as of that LSN.
 */
public record CreatedSlot(String name, long consistentPoint, String snapshotName) {
}
