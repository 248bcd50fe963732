package io.tributary.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;

import io.tributary.testkit.postgres.PostgresServer;
import io.tributary.testkit.task.StubSourceTaskContext;

/**
 * Runs {@link PostgresCdcTask}s against a real PostgreSQL as the least-privilege replication role, with a stub task
 * context: one schema, table, slot and publication per test, named alike. {@link #stopTasks()} stops what it started.
 */
final class CdcTaskFixture {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final PostgresServer postgres;
    private final List<PostgresCdcTask> running = new ArrayList<>();

    CdcTaskFixture(PostgresServer postgres) {
        this.postgres = postgres;
    }

    void stopTasks() {
        running.forEach(PostgresCdcTask::stop);
        running.clear();
    }

    Map<String, String> config(String name) {
        Map<String, String> props = postgres.cdcConnectionConfig();
        props.put("topic.prefix", name);
        props.put("table.include.list", name + "\\..*");
        props.put("slot.name", name);
        props.put("publication.name", name);
        props.put("publication.autocreate.mode", "disabled");
        props.put("snapshot.chunk.size", "2");
        props.put("snapshot.fetch.size", "2");
        props.put("poll.interval.ms", "100");
        return props;
    }

    /** A schema named {@code name} with one table, readable by the replication role, published as {@code name}. */
    void createTable(String name, String columns) {
        createTables(name, Map.of("orders", columns));
    }

    /** Schema {@code name} with the tables ({@code table -> columns}), readable by the replication role, published. */
    void createTables(String name, Map<String, String> tables) {
        List<String> sql = new ArrayList<>(List.of("CREATE SCHEMA " + name));
        tables.forEach((table, columns) -> sql.add("CREATE TABLE " + name + "." + table + " (" + columns + ")"));
        sql.add("GRANT USAGE ON SCHEMA " + name + " TO " + postgres.replicationUser());
        sql.add("GRANT SELECT ON ALL TABLES IN SCHEMA " + name + " TO " + postgres.replicationUser());
        sql.add("CREATE PUBLICATION " + name + " FOR TABLE " + String.join(", ",
                tables.keySet().stream().map(table -> name + "." + table).toList()));
        postgres.execute(sql.toArray(String[]::new));
    }

    /** Stops {@code task} now (rather than after the test). */
    void stop(PostgresCdcTask task) {
        task.stop();
        running.remove(task);
    }

    PostgresCdcTask start(SourceTaskContext context) {
        PostgresCdcTask task = new PostgresCdcTask(null, Clock.systemUTC());
        task.initialize(context);
        task.start(context.configs());
        running.add(task);
        return task;
    }

    static List<SourceRecord> poll(PostgresCdcTask task, int count) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        assertThat(records).as("records polled within %s", TIMEOUT).hasSize(count);
        return records;
    }

    static void assertNothingMore(PostgresCdcTask task) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertThat(task.poll()).as("no further records").isNull();
        }
    }

    static String op(SourceRecord record) {
        return record.value() == null ? "tombstone" : ((Struct) record.value()).getString("op");
    }

    static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct("after");
    }

    static void acknowledge(PostgresCdcTask task, StubSourceTaskContext context, List<SourceRecord> records) {
        for (SourceRecord record : records) {
            task.commitRecord(record, null);
            context.storeOffset(record.sourcePartition(), record.sourceOffset());
        }
        task.commit();
    }

    void awaitSlot(String slot) {
        postgres.awaitActiveSlot(slot, TIMEOUT);
    }

    void awaitConfirmedFlushBeyond(String slot, long lsn) throws Exception {
        awaitQuery("SELECT 1 FROM pg_replication_slots WHERE slot_name = '" + slot
                + "' AND confirmed_flush_lsn > '" + Lsn.format(lsn) + "'::pg_lsn",
                "confirmed_flush_lsn of " + slot + " beyond " + Lsn.format(lsn));
    }

    /** Waits until {@code sql}, run as superuser, returns a row. */
    void awaitQuery(String sql, String what) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Connection connection = postgres.superuserConnection();
                Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
