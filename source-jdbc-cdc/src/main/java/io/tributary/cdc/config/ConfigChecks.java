package io.tributary.cdc.config;

import static io.tributary.cdc.config.ConnectionKeys.*;
import static io.tributary.cdc.config.PostgresCdcConnectorConfig.*;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigValue;

import io.tributary.cdc.connection.ServerFacts;
import io.tributary.cdc.connection.SlotInfo;
import io.tributary.cdc.event.TableId;

/**
 * The checks of {@code validate()} that need more than one key or the server, each attaching its message to the key a
 * user must change.
 */
public final class ConfigChecks {

    /** Keys whose values must be valid before the server can be asked anything. */
    public static final List<String> CONNECTION_KEYS = List.of(HOSTNAME, PORT, USER, PASSWORD, DBNAME, SSLMODE,
            CONNECT_TIMEOUT_MS, TOPIC_PREFIX, SCHEMA_INCLUDE_LIST, SCHEMA_EXCLUDE_LIST, TABLE_INCLUDE_LIST,
            TABLE_EXCLUDE_LIST, COLUMN_INCLUDE_LIST, COLUMN_EXCLUDE_LIST, SLOT_NAME, PUBLICATION_NAME,
            PUBLICATION_AUTOCREATE_MODE, SSLROOTCERT, SSLCERT, SSLKEY);

    private ConfigChecks() {
    }

    /** Checks between keys that need no server. */
    public static void crossField(Map<String, ConfigValue> values) {
        for (String[] pair : exclusivePairs()) {
            if (nonEmptyList(values.get(pair[0])) && nonEmptyList(values.get(pair[1]))) {
                values.get(pair[1]).addErrorMessage(pair[1] + " cannot be used together with " + pair[0]
                        + ": list what to capture, or what to skip, not both");
            }
        }
        Object batch = values.get(MAX_BATCH_SIZE).value();
        Object queue = values.get(MAX_QUEUE_SIZE).value();
        if (batch instanceof Integer b && queue instanceof Integer q && q <= b) {
            values.get(MAX_QUEUE_SIZE).addErrorMessage(MAX_QUEUE_SIZE + " (" + q + ") must be larger than "
                    + MAX_BATCH_SIZE + " (" + b + ")");
        }
    }

    /** A failed connection, on the key most likely at fault (SQLSTATE decides). */
    public static void connectionFailed(Map<String, ConfigValue> values, String where, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String key = switch (state) {
            case "28P01" -> PASSWORD;
            case "28000" -> USER;
            case "3D000" -> DBNAME;
            default -> HOSTNAME;
        };
        values.get(key).addErrorMessage("Cannot connect to PostgreSQL at " + where + ": " + e.getMessage());
    }

    /** Checks against what the server reported. */
    public static void againstServer(Map<String, ConfigValue> values, PostgresCdcConnectorConfig config,
            ServerFacts facts) {
        if (facts.serverVersion() < 10) {
            values.get(HOSTNAME).addErrorMessage("PostgreSQL " + facts.serverVersion() + " has no pgoutput; "
                    + "version 10 or later is needed");
        }
        if (!"logical".equals(facts.walLevel())) {
            values.get(HOSTNAME).addErrorMessage("wal_level is '" + facts.walLevel() + "' on this server; logical "
                    + "decoding needs wal_level=logical (set it in postgresql.conf and restart PostgreSQL)");
        }
        if (!facts.canReplicate()) {
            values.get(USER).addErrorMessage("Role '" + config.user() + "' lacks the REPLICATION attribute: "
                    + "ALTER ROLE " + config.user() + " REPLICATION (or use a role that has it)");
        }
        TableFilter filter = config.tableFilter();
        for (Pattern pattern : filter.tableIncludes()) {
            boolean matches = facts.tables().stream().anyMatch(t -> pattern.matcher(t.toString()).matches());
            if (!matches) {
                values.get(TABLE_INCLUDE_LIST).addErrorMessage("'" + pattern.pattern() + "' matches no table in "
                        + "database " + config.dbname() + " (names are <schema>.<table>, e.g. public.orders)");
            }
        }
        List<TableId> unreadable = facts.tables().stream().filter(filter::captures)
                .filter(t -> !facts.selectable().contains(t)).toList();
        if (!unreadable.isEmpty()) {
            values.get(USER).addErrorMessage("Role '" + config.user() + "' lacks SELECT on captured tables "
                    + unreadable + ": GRANT SELECT on them, or exclude them");
        }
        if (!facts.publicationExists() && config.publicationAutocreateMode() == PublicationAutocreateMode.DISABLED) {
            values.get(PUBLICATION_NAME).addErrorMessage("Publication '" + config.publicationName() + "' does not "
                    + "exist and publication.autocreate.mode=disabled: create it first");
        }
        facts.slot().ifPresent(slot -> checkSlot(values, config, slot));
        if (needsColumns(config)) {
            config.messageKeyColumns().problems(facts.tables(), facts.columns(), filter::captures)
                    .forEach(problem -> values.get(EventKeys.MESSAGE_KEY_COLUMNS).addErrorMessage(problem));
        }
    }

    /** Whether {@link #againstServer} needs the tables' columns from the server ({@link ServerFacts#columns()}). */
    public static boolean needsColumns(PostgresCdcConnectorConfig config) {
        return !config.messageKeyColumns().isEmpty();
    }

    private static void checkSlot(Map<String, ConfigValue> values, PostgresCdcConnectorConfig config, SlotInfo slot) {
        // An active slot first: one still being created by another process shows no output plugin yet.
        if (slot.active()) {
            values.get(SLOT_NAME).addErrorMessage("Slot '" + slot.name() + "' is in use by server process "
                    + slot.activePid() + " (another connector?): each connector needs its own slot.name");
        } else if (!"pgoutput".equals(slot.plugin())) {
            values.get(SLOT_NAME).addErrorMessage("Slot '" + slot.name() + "' exists with output plugin '"
                    + slot.plugin() + "'; this connector needs pgoutput: choose another slot.name");
        } else if (slot.database() != null && !slot.database().equals(config.dbname())) {
            values.get(SLOT_NAME).addErrorMessage("Slot '" + slot.name() + "' belongs to database '"
                    + slot.database() + "', not " + config.dbname() + ": choose another slot.name");
        }
    }

    private static boolean nonEmptyList(ConfigValue value) {
        return value != null && value.value() instanceof List<?> list && !list.isEmpty();
    }
}
