package io.tributary.testkit.postgres;

import io.tributary.testkit.net.Loopback;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * A real PostgreSQL server with logical replication, listening on 127.0.0.1 only, with a superuser, a least-privilege
 * replication role and a database for tests.
 *
 * <p>The major version is chosen per server ({@link #start(int)}); {@link #start()} takes it from the system property
 * {@value #VERSION_PROPERTY}, default {@value #DEFAULT_MAJOR_VERSION}. The versions bundled in the testkit are 14 and
 * 17. Every login, local or over TCP, needs a password (SCRAM); the replication role has {@code LOGIN REPLICATION} and
 * nothing else: grant it {@code SELECT} on the tables a test captures.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String VERSION_PROPERTY = "tributary.postgres.version";
    public static final int DEFAULT_MAJOR_VERSION = 17;

    /** zonky waits for readiness by logging in as this role, so the superuser keeps initdb's name. */
    private static final String SUPERUSER = "postgres";
    private static final String REPLICATION_USER = "tributary_replication";
    private static final String DATABASE = "tributary";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final String PG_HBA = String.join("\n",
            "# Written by Tributary's testkit: passwords for everyone, TCP on loopback only.",
            "# TYPE  DATABASE     USER  ADDRESS       METHOD",
            "local   all          all                 scram-sha-256",
            "host    all          all   127.0.0.1/32  scram-sha-256",
            "host    replication  all   127.0.0.1/32  scram-sha-256",
            "");

    private final EmbeddedPostgres postgres;
    private final int majorVersion;
    private final String superuserPassword;
    private final String replicationPassword;

    private PostgresServer(EmbeddedPostgres postgres, int majorVersion, String superuserPassword,
            String replicationPassword) {
        this.postgres = postgres;
        this.majorVersion = majorVersion;
        this.superuserPassword = superuserPassword;
        this.replicationPassword = replicationPassword;
    }

    /** Starts the default major version: {@value #VERSION_PROPERTY} if set, else {@value #DEFAULT_MAJOR_VERSION}. */
    public static PostgresServer start() {
        return start(defaultMajorVersion());
    }

    public static int defaultMajorVersion() {
        String value = System.getProperty(VERSION_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return DEFAULT_MAJOR_VERSION;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    VERSION_PROPERTY + " must be a major version such as 17, not " + value, e);
        }
    }

    public static PostgresServer start(int majorVersion) {
        String superuserPassword = randomPassword();
        EmbeddedPostgres postgres = startEmbedded(majorVersion, superuserPassword);
        PostgresServer server = new PostgresServer(postgres, majorVersion, superuserPassword, randomPassword());
        try {
            server.checkVersion();
            server.createRolesAndDatabase();
            return server;
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IllegalStateException("PostgreSQL " + majorVersion + " started but could not be set up", e);
        }
    }

    private static EmbeddedPostgres startEmbedded(int majorVersion, String superuserPassword) {
        Path passwordFile = null;
        try {
            Path dataDirectory = Files.createTempDirectory("tributary-pg" + majorVersion + "-");
            passwordFile = Files.createTempFile("tributary-pg-", ".pw");
            Files.writeString(passwordFile, superuserPassword + "\n", StandardCharsets.UTF_8);
            return EmbeddedPostgres.builder()
                    .setPgBinaryResolver(new BundledBinaries(majorVersion))
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setPort(Loopback.freePort())
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    // zonky passes these entries to initdb as --key=value: the superuser has a password from the start
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", superuserPassword)
                    .setDataDirectoryCustomizer(PostgresServer::writeHbaConf)
                    .setServerConfig("listen_addresses", Loopback.HOST)
                    .setServerConfig("unix_socket_directories", dataDirectory.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL " + majorVersion, e);
        } finally {
            deleteQuietly(passwordFile);
        }
    }

    private static void writeHbaConf(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write pg_hba.conf", e);
        }
    }

    private void checkVersion() throws SQLException {
        try (Connection connection = connect("postgres", SUPERUSER, superuserPassword);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW server_version_num")) {
            result.next();
            int actual = Integer.parseInt(result.getString(1)) / 10_000;
            if (actual != majorVersion) {
                throw new IllegalStateException("Asked for PostgreSQL " + majorVersion + " but the binaries found are "
                        + actual + "; the testkit bundles 14 and 17 for linux x86_64 only");
            }
        }
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection connection = connect("postgres", SUPERUSER, superuserPassword);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + REPLICATION_USER
                    + " WITH LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                    + literal(replicationPassword));
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        // PostgreSQL 14 still lets everyone create tables in schema public; 15+ does not. Make 14 behave like 15+.
        execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    }

    public String host() {
        return Loopback.HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    public String database() {
        return DATABASE;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    /** A role with {@code LOGIN REPLICATION} only: it owns nothing and reads only the tables granted to it. */
    public String replicationUser() {
        return REPLICATION_USER;
    }

    public String replicationPassword() {
        return replicationPassword;
    }

    /**
     * The connection keys a CDC connector takes, with Debezium's names ({@code database.hostname}, {@code .port},
     * {@code .user}, {@code .password}, {@code .dbname}), for the least-privilege replication role; a fresh map to add to.
     */
    public Map<String, String> cdcConnectionConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("database.hostname", host());
        config.put("database.port", String.valueOf(port()));
        config.put("database.user", replicationUser());
        config.put("database.password", replicationPassword());
        config.put("database.dbname", database());
        return config;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** A new connection to {@link #database()} as the superuser, in auto-commit mode. */
    public Connection superuserConnection() throws SQLException {
        return connect(DATABASE, SUPERUSER, superuserPassword);
    }

    /** A new connection to {@link #database()} as the given role. */
    public Connection connection(String user, String password) throws SQLException {
        return connect(DATABASE, user, password);
    }

    /** A new logical-replication connection ({@code replication=database}) to {@link #database()}: replication role. */
    public Connection replicationConnection() throws SQLException {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, REPLICATION_USER);
        PGProperty.PASSWORD.set(properties, replicationPassword);
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** Runs each statement, in order, as the superuser in {@link #database()}. */
    public void execute(String... sql) {
        try (Connection connection = superuserConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on PostgreSQL " + majorVersion + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restarts the server on the same port and data (fast shutdown: every connection is terminated, as when an
     * operator restarts the database); returns once it accepts connections again.
     */
    public void restart() {
        String dataDirectory;
        try (Connection connection = superuserConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW data_directory")) {
            result.next();
            dataDirectory = result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot find the data directory of " + this, e);
        }
        PgCtl.restart(Path.of(dataDirectory));
    }

    /** Waits until replication slot {@code slot} exists and a WAL sender streams from it. */
    public void awaitActiveSlot(String slot, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection connection = superuserConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active")) {
            statement.setString(1, slot);
            while (true) {
                try (ResultSet rs = statement.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Slot " + slot + " was not active within " + timeout);
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the slots of " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for slot " + slot, e);
        }
    }

    /**
     * Drops replication slot {@code slot} even while a WAL sender streams from it: ends that WAL sender and drops the
     * slot before its client reconnects (retrying for up to 10 s), as an operator cleaning up slots would.
     */
    public void dropSlotForcibly(String slot) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = "
                        + literal(slot) + " AND active_pid IS NOT NULL",
                        "SELECT pg_drop_replication_slot(" + literal(slot) + ")");
                return;
            } catch (IllegalStateException stillActive) {
                if (System.nanoTime() > deadline) {
                    throw stillActive;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while dropping slot " + slot, e);
                }
            }
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL " + majorVersion, e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + majorVersion + " at " + host() + ":" + port();
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Loopback.HOST + ":" + port() + "/" + database;
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
