package io.tributary.cdc.connection;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tributary.cdc.event.TableId;

/** What a config check learns from the server: enough to say which key is wrong and why. */
public record ServerFacts(int serverVersion, String walLevel, boolean canReplicate, List<TableId> tables,
        Set<TableId> selectable, boolean publicationExists, Optional<SlotInfo> slot) {
}
