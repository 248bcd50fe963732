package io.tributary.cdc.connection;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import io.tributary.cdc.event.TableId;

/**
 * {@link ReplicationConnection} on PgJDBC. Streams pgoutput protocol version 1 in text format: every supported
 * server (10+) speaks it, and large transactions arrive whole at commit rather than as streamed chunks.
 */
final class PgReplicationConnection implements ReplicationConnection {

    static final int PROTOCOL_VERSION = 1;

    private final Connection connection;

    PgReplicationConnection(ConnectionSettings settings) throws SQLException {
        this.connection = DriverManager.getConnection(settings.jdbcUrl(), settings.replicationProperties());
    }

    @Override
    public CreatedSlot createSlot(String name, boolean exportSnapshot) throws SQLException {
        // The pre-15 spelling, which PostgreSQL 15+ still accepts: one command for every supported server.
        String sql = "CREATE_REPLICATION_SLOT " + TableId.quote(name) + " LOGICAL pgoutput "
                + (exportSnapshot ? "EXPORT_SNAPSHOT" : "NOEXPORT_SNAPSHOT");
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new CreatedSlot(rs.getString(1), LogSequenceNumber.valueOf(rs.getString(2)).asLong(),
                    rs.getString(3));
        }
    }

    @Override
    public ReplicationStream startStreaming(String slot, String publication, long startLsn, Duration statusInterval)
            throws SQLException {
        PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI()
                .replicationStream().logical()
                .withSlotName(slot)
                .withStartPosition(LogSequenceNumber.valueOf(startLsn))
                .withSlotOption("proto_version", PROTOCOL_VERSION)
                .withSlotOption("publication_names", TableId.quote(publication))
                .withStatusInterval((int) statusInterval.toMillis(), TimeUnit.MILLISECONDS)
                .start();
        return new Stream(stream);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static final class Stream implements ReplicationStream {
        private final PGReplicationStream stream;

        Stream(PGReplicationStream stream) {
            this.stream = stream;
        }

        @Override
        public ByteBuffer readPending() throws SQLException {
            return stream.readPending();
        }

        @Override
        public long lastReceivedLsn() {
            return stream.getLastReceiveLSN().asLong();
        }

        @Override
        public void confirm(long lsn) throws SQLException {
            LogSequenceNumber position = LogSequenceNumber.valueOf(lsn);
            stream.setFlushedLSN(position);
            stream.setAppliedLSN(position);
            stream.forceUpdateStatus();
        }

        @Override
        public void close() throws SQLException {
            if (!stream.isClosed()) {
                stream.close();
            }
        }
    }
}
