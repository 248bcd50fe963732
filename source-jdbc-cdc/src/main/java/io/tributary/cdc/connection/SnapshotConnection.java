package io.tributary.cdc.connection;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import io.tributary.cdc.event.ColumnInfo;
import io.tributary.cdc.event.TableId;

/** A read-only transaction in an exported snapshot, reading rows as text with a bounded fetch size. */
public interface SnapshotConnection extends AutoCloseable {

    /**
     * Reads up to {@code limit} rows with a key greater than {@code afterKey} (null: from the first) and not greater
     * than {@code throughKey} (null: to the last), ordered by {@code key}; returns how many were read.
     */
    int readChunk(TableId table, List<ColumnInfo> columns, List<ColumnInfo> key, String[] afterKey,
            String[] throughKey, int limit, Consumer<String[]> rows) throws SQLException;

    /** The table's rows in the snapshot. */
    long count(TableId table) throws SQLException;

    /** The key of the row at {@code position} (0-based) in key order. */
    String[] keyAt(TableId table, List<ColumnInfo> key, long position) throws SQLException;

    /** Names this session in {@code pg_stat_activity}, where the connector's other tasks look for it. */
    void announce(String applicationName) throws SQLException;

    /**
     * The snapshot transaction's id, which Debezium reports as {@code txId} of snapshot records; null when the server
     * does not give one.
     */
    Long transactionId();

    /** Reads every row of a table that has no key, in one pass. */
    void readAll(TableId table, List<ColumnInfo> columns, Consumer<String[]> rows) throws SQLException;

    @Override
    void close() throws SQLException;
}
