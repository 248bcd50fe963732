package io.tributary.cdc.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.event.ColumnInfo;
import io.tributary.cdc.event.TableId;

/** {@link SnapshotConnection} in a REPEATABLE READ, READ ONLY transaction that imported the exported snapshot. */
final class JdbcSnapshotConnection implements SnapshotConnection {

    private static final Logger log = LoggerFactory.getLogger(JdbcSnapshotConnection.class);

    private final Connection connection;
    private final int fetchSize;

    JdbcSnapshotConnection(ConnectionSettings settings, String snapshotName, int fetchSize) throws SQLException {
        this.connection = DriverManager.getConnection(settings.jdbcUrl(), settings.textProperties());
        this.fetchSize = fetchSize;
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshotName.replace("'", "''") + "'");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public Long transactionId() {
        // Under a savepoint: a failure must not abort the snapshot's transaction.
        try (Statement statement = connection.createStatement()) {
            statement.execute("SAVEPOINT transaction_id");
            try (ResultSet rs = statement.executeQuery("SELECT txid_current()")) {
                Long id = rs.next() ? rs.getLong(1) : null;
                statement.execute("RELEASE SAVEPOINT transaction_id");
                return id;
            } catch (SQLException e) {
                statement.execute("ROLLBACK TO SAVEPOINT transaction_id");
                log.debug("The snapshot transaction has no id: {}", e.getMessage());
                return null;
            }
        } catch (SQLException e) {
            throw new org.apache.kafka.connect.errors.ConnectException("Snapshot failed: " + e.getMessage(), e);
        }
    }

    @Override
    public int readChunk(TableId table, List<ColumnInfo> columns, List<ColumnInfo> key, String[] afterKey,
            String[] throughKey, int limit, Consumer<String[]> rows) throws SQLException {
        String keyList = keyList(key);
        String placeholders = key.stream().map(c -> "?::" + c.sqlType()).collect(Collectors.joining(", "));
        List<String> conditions = new ArrayList<>();
        if (afterKey != null) {
            conditions.add("(" + keyList + ") > (" + placeholders + ")");
        }
        if (throughKey != null) {
            conditions.add("(" + keyList + ") <= (" + placeholders + ")");
        }
        StringBuilder sql = new StringBuilder(select(table, columns));
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(keyList).append(" LIMIT ").append(limit);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (String[] bound : new String[][] {afterKey, throughKey}) {
                if (bound != null) {
                    for (String value : bound) {
                        statement.setString(parameter++, value);
                    }
                }
            }
            return read(statement, columns.size(), rows);
        }
    }

    @Override
    public long count(TableId table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.quoted())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String[] keyAt(TableId table, List<ColumnInfo> key, long position) throws SQLException {
        String keyList = keyList(key);
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + keyList + " FROM "
                + table.quoted() + " ORDER BY " + keyList + " OFFSET ? LIMIT 1")) {
            statement.setLong(1, position);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("No row at position " + position + " of " + table);
                }
                String[] values = new String[key.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = rs.getString(i + 1);
                }
                return values;
            }
        }
    }

    @Override
    public void announce(String applicationName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('application_name', ?, "
                + "false)")) {
            statement.setString(1, applicationName);
            statement.executeQuery().close();
        }
    }

    private static String keyList(List<ColumnInfo> key) {
        return key.stream().map(c -> TableId.quote(c.name())).collect(Collectors.joining(", "));
    }

    @Override
    public void readAll(TableId table, List<ColumnInfo> columns, Consumer<String[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select(table, columns))) {
            read(statement, columns.size(), rows);
        }
    }

    private int read(PreparedStatement statement, int width, Consumer<String[]> rows) throws SQLException {
        statement.setFetchSize(fetchSize);
        int count = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.accept(row);
                count++;
            }
        }
        return count;
    }

    /**
     * Every column as is: with binary transfer off, PgJDBC hands over each value's output-function text, the form the
     * replication stream has too. (A {@code ::text} cast is not the same: booleans become 'true', char(n) loses its
     * padding, inet gains a netmask.)
     */
    private static String select(TableId table, List<ColumnInfo> columns) {
        return "SELECT " + columns.stream().map(c -> TableId.quote(c.name()))
                .collect(Collectors.joining(", ")) + " FROM " + table.quoted();
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
