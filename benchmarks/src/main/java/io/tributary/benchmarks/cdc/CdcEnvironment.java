package io.tributary.benchmarks.cdc;

import io.tributary.testkit.Await;
import io.tributary.testkit.ProjectLayout;
import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the CDC cases share: one PostgreSQL with {@link BenchTable}, one Kafka + Connect worker loading every
 * selected contestant, all with JsonConverter (schemas on) for keys and values. Contestants run one after another;
 * {@link #stop} removes everything a contestant created (connector, slot, publication, topic).
 */
final class CdcEnvironment implements AutoCloseable {

    static final Duration STALL = Duration.ofSeconds(120);
    static final String WORKER_OVERRIDE_PREFIX = ConnectorConfigs.OVERRIDE_PREFIX + "worker.";

    private final PostgresServer postgres;
    private final ConnectCluster cluster;
    private final TopicReader reader;
    private final Path scratch;

    private CdcEnvironment(PostgresServer postgres, ConnectCluster cluster, Path scratch) {
        this.postgres = postgres;
        this.cluster = cluster;
        this.scratch = scratch;
        this.reader = new TopicReader(cluster.bootstrapServers());
    }

    /** Starts PostgreSQL and Kafka + Connect with the plugins of {@code contestants}; fails early if one is missing. */
    static CdcEnvironment start(List<Contestant> contestants) throws IOException {
        Path root = ProjectLayout.root();
        List<Path> pluginDirectories = new ArrayList<>();
        for (Contestant contestant : contestants) {
            PluginDirectories.of(contestant, root).ifPresent(pluginDirectories::add);
        }
        Path scratch = Files.createTempDirectory("tributary-cdc-bench-");
        PostgresServer postgres = PostgresServer.start();
        ConnectCluster cluster = null;
        try {
            postgres.execute(BenchTable.DDL,
                    "GRANT SELECT ON " + BenchTable.QUALIFIED_NAME + " TO " + postgres.replicationUser());
            ConnectCluster.Builder builder = ConnectCluster.builder()
                    .workerProperty("key.converter", "org.apache.kafka.connect.json.JsonConverter")
                    .workerProperty("key.converter.schemas.enable", "true")
                    .workerProperty("value.converter", "org.apache.kafka.connect.json.JsonConverter")
                    .workerProperty("value.converter.schemas.enable", "true");
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(WORKER_OVERRIDE_PREFIX))
                    .forEach(k -> builder.workerProperty(k.substring(WORKER_OVERRIDE_PREFIX.length()),
                            System.getProperty(k)));
            pluginDirectories.forEach(builder::pluginDirectory);
            cluster = builder.start();
            CdcEnvironment environment = new CdcEnvironment(postgres, cluster, scratch);
            environment.requireLoaded(contestants);
            return environment;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            postgres.close();
            throw e;
        }
    }

    private void requireLoaded(List<Contestant> contestants) {
        Set<String> loaded = cluster.plugins().stream().map(ConnectCluster.PluginInfo::className)
                .collect(Collectors.toSet());
        for (Contestant contestant : contestants) {
            if (!loaded.contains(contestant.connectorClass())) {
                throw new IllegalStateException("The worker did not load " + contestant.connectorClass() + " ("
                        + contestant.id() + ") from plugin.path; it loaded " + loaded);
            }
        }
    }

    ConnectorConfigs.Database database() {
        return new ConnectorConfigs.Database(postgres.host(), postgres.port(), postgres.replicationUser(),
                postgres.replicationPassword(), postgres.database());
    }

    PostgresServer postgres() {
        return postgres;
    }

    TopicReader reader() {
        return reader;
    }

    /**
     * Creates the contestant's topic (one partition, LogAppendTime, so each record carries the moment the broker
     * took it) and, for a CDC connector, its publication on {@link BenchTable}.
     */
    void prepare(Contestant contestant, Contestant.Names names) {
        cluster.kafka().createTopic(names.topic(), 1, 1, Map.of("message.timestamp.type", "LogAppendTime"));
        if (contestant.readsPostgres()) {
            postgres.execute("CREATE PUBLICATION " + names.publication() + " FOR TABLE " + BenchTable.QUALIFIED_NAME);
        }
    }

    /** Creates the connector without waiting: for timings that include the connector's start (the snapshot). */
    void create(Contestant.Names names, Map<String, String> config) {
        cluster.configureConnector(names.connector(), config);
    }

    /** Creates the connector and waits until its task runs and, for a CDC connector, its slot is being streamed. */
    void startAndAwaitReady(Contestant contestant, Contestant.Names names, Map<String, String> config) {
        startAndAwaitReady(contestant, names, config, 1);
    }

    private void startAndAwaitReady(Contestant contestant, Contestant.Names names, Map<String, String> config,
            int tasks) {
        create(names, config);
        cluster.awaitRunning(names.connector(), tasks);
        if (contestant.readsPostgres()) {
            Await.until(() -> slotActive(names.slot()), ConnectCluster.DEFAULT_TIMEOUT,
                    () -> "slot " + names.slot() + " is not streaming; " + status(names));
        }
    }

    /** A file that does not exist yet, for the ceiling's {@code start.file}. */
    Path startFile(Contestant.Names names) {
        return scratch.resolve(names.connector() + ".go");
    }

    /** Times the ceiling with one task, as {@link #timeCeiling(Contestant.Names, long, int)} does. */
    Timing timeCeiling(Contestant.Names names, long rows) throws IOException, InterruptedException {
        return timeCeiling(names, rows, 1);
    }

    /**
     * Times the ceiling: the connector is started with {@code tasks} tasks and idle, the clock starts when the start
     * file appears and stops when the topic holds all {@code rows}; the records are then read back and checked.
     */
    Timing timeCeiling(Contestant.Names names, long rows, int tasks) throws IOException, InterruptedException {
        prepare(Contestant.CEILING, names);
        Path go = startFile(names);
        startAndAwaitReady(Contestant.CEILING, names, ConnectorConfigs.ceiling(names, rows, tasks, go.toString(),
                ConnectorConfigs.overrides(Contestant.CEILING, System.getProperties())), tasks);
        long started = System.nanoTime();
        Files.createFile(go);
        long done = reader.awaitCount(names.topic(), rows, STALL, () -> status(names));
        return new Timing(done - started, readBackAndStop(Contestant.CEILING, names, rows));
    }

    /**
     * Reads the topic back, checks it holds each row once, removes the contestant; returns the bytes per record and
     * the records per produce request.
     */
    Timing.Delivered readBackAndStop(Contestant contestant, Contestant.Names names, long rows)
            throws IOException, InterruptedException {
        double recordsPerRequest = ProducerRequests.recordsPerRequest(names.connector());
        TopicReader.Rows delivered = reader.readAll(names.topic());
        DeliveredRows.requireExactly(delivered.ids(), rows, contestant.id());
        stop(contestant, names);
        return new Timing.Delivered(delivered.bytesPerRecord(), recordsPerRequest);
    }

    /** What the worker says about the contestant's connector, for failure messages. */
    String status(Contestant.Names names) {
        return cluster.status(names.connector()).map(s -> "connector " + s.connector().state() + ", tasks "
                + s.tasks().stream().map(t -> t.state() + (t.trace() == null ? "" : " " + t.trace())).toList())
                .orElse("connector " + names.connector() + " has no status");
    }

    /** Removes the connector and everything the contestant created, so the next one starts from the same state. */
    void stop(Contestant contestant, Contestant.Names names) {
        cluster.deleteConnector(names.connector());
        Await.until(() -> cluster.status(names.connector()).isEmpty(), ConnectCluster.DEFAULT_TIMEOUT,
                () -> "connector " + names.connector() + " is still there");
        if (contestant.readsPostgres()) {
            Await.until(() -> dropSlot(names.slot()), ConnectCluster.DEFAULT_TIMEOUT,
                    () -> "slot " + names.slot() + " could not be dropped");
            postgres.execute("DROP PUBLICATION IF EXISTS " + names.publication());
        }
        cluster.kafka().deleteTopic(names.topic());
    }

    /** Empties the table and checkpoints, so each streaming contestant inserts ids 1..n into the same state. */
    void resetTable() {
        postgres.execute("TRUNCATE " + BenchTable.QUALIFIED_NAME, "VACUUM " + BenchTable.QUALIFIED_NAME, "CHECKPOINT");
    }

    private boolean slotActive(String slot) {
        return queryBoolean("SELECT active FROM pg_replication_slots WHERE slot_name = ?", slot).orElse(false);
    }

    private boolean dropSlot(String slot) {
        // A walsender may outlive its task by a moment; end it, then drop the slot.
        queryBoolean("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots "
                + "WHERE slot_name = ? AND active_pid IS NOT NULL", slot);
        try {
            queryBoolean("SELECT pg_drop_replication_slot(slot_name) IS NULL FROM pg_replication_slots "
                    + "WHERE slot_name = ?", slot);
        } catch (IllegalStateException stillActive) {
            return false;
        }
        return queryBoolean("SELECT true FROM pg_replication_slots WHERE slot_name = ?", slot).isEmpty();
    }

    private Optional<Boolean> queryBoolean(String sql, String parameter) {
        try (Connection connection = postgres.superuserConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
            cluster.close();
        } finally {
            postgres.close();
            deleteScratch();
        }
    }

    private void deleteScratch() {
        try (Stream<Path> files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            System.err.println("Could not delete " + scratch + ": " + e.getMessage());
        }
    }
}
