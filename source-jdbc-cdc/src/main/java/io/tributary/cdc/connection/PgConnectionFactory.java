package io.tributary.cdc.connection;

import java.sql.SQLException;

/** Opens PgJDBC connections with the connector's settings. */
public final class PgConnectionFactory implements ConnectionFactory {

    private final ConnectionSettings settings;

    public PgConnectionFactory(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public Catalog catalog() throws SQLException {
        return new JdbcCatalog(settings);
    }

    @Override
    public ReplicationConnection replication() throws SQLException {
        return new PgReplicationConnection(settings);
    }

    @Override
    public SnapshotConnection snapshot(String snapshotName, int fetchSize) throws SQLException {
        return new JdbcSnapshotConnection(settings, snapshotName, fetchSize);
    }
}
