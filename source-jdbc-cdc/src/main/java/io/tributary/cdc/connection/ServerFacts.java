package io.tributary.cdc.connection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.cdc.event.TableId;

/**
 * What a config check learns from the server: enough to say which key is wrong and why. {@code columns} holds each
 * table's column names in table order when the probe was asked for them, else nothing.
 */
public record ServerFacts(int serverVersion, String walLevel, boolean canReplicate, List<TableId> tables,
        Set<TableId> selectable, boolean publicationExists, Optional<SlotInfo> slot,
        Map<TableId, List<String>> columns) {

    /** Without columns. */
    public ServerFacts(int serverVersion, String walLevel, boolean canReplicate, List<TableId> tables,
            Set<TableId> selectable, boolean publicationExists, Optional<SlotInfo> slot) {
        this(serverVersion, walLevel, canReplicate, tables, selectable, publicationExists, slot, Map.of());
    }
}
