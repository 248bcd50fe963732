package io.tributary.cdc.stream;

import java.util.List;
import java.util.Set;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.config.PublicationAutocreateMode;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.event.TableId;

/** Makes sure the publication exists and, in {@code filtered} mode, covers every captured table. */
final class Publications {

    private static final Logger log = LoggerFactory.getLogger(Publications.class);

    private Publications() {
    }

    static void ensure(Catalog catalog, String name, PublicationAutocreateMode mode, List<TableId> captured) {
        if (!catalog.publicationExists(name)) {
            switch (mode) {
                case DISABLED -> throw new ConnectException("Publication '" + name + "' does not exist and "
                        + "publication.autocreate.mode=disabled: create it (CREATE PUBLICATION " + name
                        + " FOR TABLE ...) or choose another mode");
                case ALL_TABLES -> catalog.createPublication(name, null);
                case FILTERED -> {
                    if (captured.isEmpty()) {
                        log.warn("No table matches the capture filters yet; publication '{}' is created empty", name);
                    }
                    catalog.createPublication(name, captured);
                }
            }
            log.info("Created publication '{}' ({})", name, mode);
            return;
        }
        if (mode == PublicationAutocreateMode.FILTERED) {
            Set<TableId> published = catalog.publicationTables(name);
            List<TableId> missing = captured.stream().filter(t -> !published.contains(t)).toList();
            if (!missing.isEmpty()) {
                catalog.addToPublication(name, missing);
                log.info("Added {} to publication '{}'", missing, name);
            }
        }
    }
}
