package io.tributary.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.net.LoopbackAssertions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.postgresql.replication.PGReplicationStream;

class PostgresServerIT {

    @Nested
    class Postgres17 extends ServerContract {
        Postgres17() {
            super(17);
        }
    }

    @Nested
    class Postgres14 extends ServerContract {
        Postgres14() {
            super(14);
        }
    }

    /** The checks every supported major version passes, against one server per version. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class ServerContract {

        private final int major;
        private PostgresServer server;

        ServerContract(int major) {
            this.major = major;
        }

        @BeforeAll
        void startServer() {
            server = PostgresServer.start(major);
        }

        @AfterAll
        void stopServer() {
            if (server != null) {
                server.close();
            }
        }

        @Test
        void runsTheRequestedMajorVersion() throws SQLException {
            assertThat(server.majorVersion()).isEqualTo(major);
            assertThat(Integer.parseInt(show("server_version_num")) / 10_000).isEqualTo(major);
        }

        @Test
        void hasLogicalReplicationEnabled() throws SQLException {
            assertThat(show("wal_level")).isEqualTo("logical");
            assertThat(Integer.parseInt(show("max_replication_slots"))).isGreaterThanOrEqualTo(10);
            assertThat(Integer.parseInt(show("max_wal_senders"))).isGreaterThanOrEqualTo(10);
            assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
        }

        @Test
        void replicationRoleIsLeastPrivilege() throws SQLException {
            try (Connection connection = server.superuserConnection();
                    Statement statement = connection.createStatement();
                    ResultSet role = statement.executeQuery("SELECT rolsuper, rolreplication, rolcanlogin, "
                            + "rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = '"
                            + server.replicationUser() + "'")) {
                assertThat(role.next()).isTrue();
                assertThat(role.getBoolean("rolsuper")).isFalse();
                assertThat(role.getBoolean("rolreplication")).isTrue();
                assertThat(role.getBoolean("rolcanlogin")).isTrue();
                assertThat(role.getBoolean("rolcreatedb")).isFalse();
                assertThat(role.getBoolean("rolcreaterole")).isFalse();
            }
            try (Connection connection = server.connection(server.replicationUser(), server.replicationPassword());
                    Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("CREATE TABLE not_mine (id int)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }

        @Test
        void refusesWrongPasswords() {
            assertThatThrownBy(() -> server.connection(server.superuser(), "wrong").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }

        @Test
        void streamsAnInsertThroughPgoutputAsTheReplicationRole() throws Exception {
            String table = "smoke_" + major;
            String publication = table + "_pub";
            String slot = table + "_slot";
            String value = "hello from PostgreSQL " + major;
            server.execute(
                    "CREATE TABLE " + table + " (id int PRIMARY KEY, greeting text NOT NULL)",
                    "CREATE PUBLICATION " + publication + " FOR TABLE " + table,
                    "GRANT SELECT ON " + table + " TO " + server.replicationUser());

            try (Connection replication = server.replicationConnection()) {
                PGConnection pg = replication.unwrap(PGConnection.class);
                pg.getReplicationAPI().createReplicationSlot().logical()
                        .withSlotName(slot)
                        .withOutputPlugin("pgoutput")
                        .make();
                server.execute("INSERT INTO " + table + " VALUES (42, '" + value + "')");

                try (PGReplicationStream stream = pg.getReplicationAPI().replicationStream().logical()
                        .withSlotName(slot)
                        .withSlotOption("proto_version", 1)
                        .withSlotOption("publication_names", publication)
                        .start()) {
                    assertThat(firstInsert(stream, Duration.ofSeconds(30))).containsExactly("42", value);
                }
                pg.getReplicationAPI().dropReplicationSlot(slot);
            }
            assertThat(replicationSlotCount()).isZero();
        }

        @Test
        void restartsWithItsDataSettingsAndPortAndEndsOpenConnections() throws SQLException {
            server.execute("CREATE TABLE IF NOT EXISTS survives_restart (id int)",
                    "INSERT INTO survives_restart VALUES (7)");
            try (Connection before = server.superuserConnection()) {
                String startedBefore = query(before, "SELECT pg_postmaster_start_time()::text");
                server.restart();
                assertThatThrownBy(() -> query(before, "SELECT 1")).isInstanceOf(SQLException.class);
                try (Connection after = server.superuserConnection()) {
                    assertThat(query(after, "SELECT pg_postmaster_start_time()::text")).isNotEqualTo(startedBefore);
                    assertThat(query(after, "SELECT sum(id)::text FROM survives_restart")).isEqualTo("7");
                }
            }
            assertThat(show("wal_level")).isEqualTo("logical");
            assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
            LoopbackAssertions.assertListensOnLoopbackOnly(server.port());
        }

        private String query(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }

        @Test
        void listensOnLoopbackOnly() {
            LoopbackAssertions.assertListensOnLoopbackOnly(server.port());
        }

        private String show(String setting) throws SQLException {
            try (Connection connection = server.superuserConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SHOW " + setting)) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }

        private int replicationSlotCount() throws SQLException {
            try (Connection connection = server.superuserConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_replication_slots")) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Reads pgoutput messages until an Insert ('I') and returns its new tuple's columns as text (null for NULL). */
    static List<String> firstInsert(PGReplicationStream stream, Duration timeout) throws SQLException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ByteBuffer message = stream.readPending();
            if (message == null) {
                Thread.sleep(10);
                continue;
            }
            if (message.get() == 'I') {
                return insertedColumns(message);
            }
        }
        throw new AssertionError("No Insert message within " + timeout);
    }

    /** Decodes pgoutput's Insert body after the type byte: relation OID, 'N', column count, then the columns. */
    private static List<String> insertedColumns(ByteBuffer message) {
        message.getInt(); // relation OID
        assertThat((char) message.get()).isEqualTo('N');
        int count = message.getShort();
        List<String> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) message.get();
            if (kind == 't') {
                byte[] text = new byte[message.getInt()];
                message.get(text);
                columns.add(new String(text, StandardCharsets.UTF_8));
            } else {
                columns.add(null); // 'n' (NULL) or 'u' (unchanged TOAST)
            }
        }
        return columns;
    }

}
