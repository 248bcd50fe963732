package io.tributary.cdc.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tributary.cdc.event.TableId;

/** Connects once, with the configured timeout, and gathers the {@link ServerFacts} a config check needs. */
public final class ServerProbe {

    private static final String TABLES = "SELECT n.nspname, c.relname, has_table_privilege(c.oid, 'SELECT') "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";
    private static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname FROM pg_attribute a "
            + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
            + "ORDER BY n.nspname, c.relname, a.attnum";

    private ServerProbe() {
    }

    /** Without the tables' columns. */
    public static ServerFacts probe(ConnectionSettings settings, String publication, String slotName)
            throws SQLException {
        return probe(settings, publication, slotName, false);
    }

    /** {@code withColumns}: also the column names of every table, which only some checks need. */
    public static ServerFacts probe(ConnectionSettings settings, String publication, String slotName,
            boolean withColumns) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
                Statement statement = connection.createStatement()) {
            int version = connection.getMetaData().getDatabaseMajorVersion();
            String walLevel = single(statement, "SHOW wal_level");
            boolean canReplicate = "true".equals(single(statement,
                    "SELECT (rolreplication OR rolsuper)::text FROM pg_roles WHERE rolname = current_user"));
            List<TableId> tables = new ArrayList<>();
            Set<TableId> selectable = new HashSet<>();
            try (ResultSet rs = statement.executeQuery(TABLES)) {
                while (rs.next()) {
                    TableId table = new TableId(rs.getString(1), rs.getString(2));
                    tables.add(table);
                    if (rs.getBoolean(3)) {
                        selectable.add(table);
                    }
                }
            }
            boolean publicationExists;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM pg_publication WHERE pubname = ?")) {
                query.setString(1, publication);
                try (ResultSet rs = query.executeQuery()) {
                    publicationExists = rs.next();
                }
            }
            Optional<SlotInfo> slot;
            try (JdbcCatalog catalog = new JdbcCatalog(settings)) {
                slot = catalog.slot(slotName);
            }
            Map<TableId, List<String>> columns = withColumns ? columns(statement) : Map.of();
            return new ServerFacts(version, walLevel, canReplicate, tables, selectable, publicationExists, slot,
                    columns);
        }
    }

    private static Map<TableId, List<String>> columns(Statement statement) throws SQLException {
        Map<TableId, List<String>> columns = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery(COLUMNS)) {
            while (rs.next()) {
                columns.computeIfAbsent(new TableId(rs.getString(1), rs.getString(2)), t -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        }
        return columns;
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
