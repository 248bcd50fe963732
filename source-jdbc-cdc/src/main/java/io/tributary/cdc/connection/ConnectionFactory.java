package io.tributary.cdc.connection;

import java.sql.SQLException;

/** Opens the connections a task needs; tests and the task receive it instead of creating clients themselves. */
public interface ConnectionFactory {

    Catalog catalog() throws SQLException;

    ReplicationConnection replication() throws SQLException;

    SnapshotConnection snapshot(String snapshotName, int fetchSize) throws SQLException;
}
