package io.tributary.cdc.connection;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.connect.errors.ConnectException;
import org.postgresql.replication.LogSequenceNumber;

import io.tributary.cdc.event.ColumnInfo;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.types.PgType;

/** {@link Catalog} over one ordinary JDBC connection in auto-commit mode. */
final class JdbcCatalog implements Catalog {

    private static final String TABLES = "SELECT n.nspname, c.relname FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
            + "ORDER BY 1, 2";
    private static final String COLUMNS = "SELECT a.attname, a.atttypid, a.atttypmod, "
            + "format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attstorage <> 'p' FROM pg_attribute a WHERE a.attrelid = ?::regclass "
            + "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum";
    private static final String PRIMARY_KEY = "SELECT a.attname FROM pg_index i "
            + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
            + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
            + "WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY k.ord";
    private static final String TYPE = "SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, "
            + "t.typbasetype, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid "
            + "ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            + "WHERE t.oid = ?";
    private static final String SLOT = "SELECT slot_name, plugin, database, active, coalesce(active_pid, 0), "
            + "confirmed_flush_lsn::text, coalesce(wal_status = 'lost', false) FROM pg_replication_slots "
            + "WHERE slot_name = ?";
    private static final String PUBLICATION_TABLES = "SELECT schemaname, tablename FROM pg_publication_tables "
            + "WHERE pubname = ?";

    private static final String SESSION_NAMES = "SELECT application_name FROM pg_stat_activity "
            + "WHERE datname = current_database() AND usename = current_user "
            + "AND application_name LIKE ?";

    private final Connection connection;

    JdbcCatalog(ConnectionSettings settings) throws SQLException {
        this.connection = DriverManager.getConnection(settings.jdbcUrl(), settings.properties());
    }

    @Override
    public List<TableId> tables() {
        return query(TABLES, null, rs -> new TableId(rs.getString(1), rs.getString(2)));
    }

    @Override
    public List<ColumnInfo> columns(TableId table) {
        return query(COLUMNS, table.quoted(),
                rs -> new ColumnInfo(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5),
                        rs.getBoolean(6)));
    }

    @Override
    public List<String> primaryKey(TableId table) {
        return query(PRIMARY_KEY, table.quoted(), rs -> rs.getString(1));
    }

    @Override
    public Optional<PgType> type(int oid) {
        try (PreparedStatement statement = connection.prepareStatement(TYPE)) {
            statement.setInt(1, oid);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(toType(rs));
            }
        } catch (SQLException e) {
            throw failure("read type " + oid, e);
        }
    }

    private static PgType toType(ResultSet rs) throws SQLException {
        String typtype = rs.getString(4);
        String category = rs.getString(5);
        int element = rs.getInt(6);
        PgType.Category kind;
        if ("A".equals(category) && element != 0) {
            kind = PgType.Category.ARRAY;
        } else if ("e".equals(typtype)) {
            kind = PgType.Category.ENUM;
        } else if ("d".equals(typtype)) {
            kind = PgType.Category.DOMAIN;
        } else if ("b".equals(typtype)) {
            kind = PgType.Category.BASE;
        } else {
            kind = PgType.Category.OTHER;
        }
        Array labels = rs.getArray(8);
        List<String> labelList = labels == null ? List.of() : List.of((String[]) labels.getArray());
        return new PgType(rs.getInt(1), rs.getString(2), rs.getString(3), kind, element, rs.getInt(7), labelList);
    }

    @Override
    public Optional<SlotInfo> slot(String name) {
        List<SlotInfo> slots = query(SLOT, name, rs -> new SlotInfo(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                rs.getString(6) == null ? 0L : LogSequenceNumber.valueOf(rs.getString(6)).asLong(),
                rs.getBoolean(7)));
        return slots.stream().findFirst();
    }

    @Override
    public Optional<long[]> slotLag(String name) {
        return query("SELECT (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint, "
                + "(pg_current_wal_lsn() - restart_lsn)::bigint FROM pg_replication_slots WHERE slot_name = ?", name,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).stream().findFirst();
    }

    @Override
    public void dropSlot(String name) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
            statement.setString(1, name);
            statement.execute();
        } catch (SQLException e) {
            throw failure("drop replication slot " + name, e);
        }
    }

    @Override
    public boolean publicationExists(String name) {
        return !query("SELECT 1 FROM pg_publication WHERE pubname = ?", name, rs -> 1).isEmpty();
    }

    @Override
    public Set<TableId> publicationTables(String name) {
        return new HashSet<>(query(PUBLICATION_TABLES, name, rs -> new TableId(rs.getString(1), rs.getString(2))));
    }

    @Override
    public void createPublication(String name, List<TableId> tables) {
        String target = tables == null ? " FOR ALL TABLES"
                : tables.isEmpty() ? "" : " FOR TABLE " + list(tables);
        execute("CREATE PUBLICATION " + TableId.quote(name) + target, "create publication " + name);
    }

    @Override
    public void addToPublication(String name, List<TableId> tables) {
        execute("ALTER PUBLICATION " + TableId.quote(name) + " ADD TABLE " + list(tables),
                "add tables to publication " + name);
    }

    private static String list(List<TableId> tables) {
        return tables.stream().map(TableId::quoted).collect(Collectors.joining(", "));
    }

    private void execute(String sql, String what) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @Override
    public List<String> sessionNames(String prefix) {
        if (!prefix.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '/')) {
            throw new IllegalArgumentException("Not a session name prefix: " + prefix);
        }
        return query(SESSION_NAMES, prefix + "%", rs -> rs.getString(1));
    }

    private <T> List<T> query(String sql, String parameter, Row<T> row) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("query the catalog", e);
        }
    }

    private static ConnectException failure(String what, SQLException e) {
        return new ConnectException("Could not " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing left to release
        }
    }
}
