package io.tributary.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.postgres.PostgresServer;

/**
 * {@code tasks.max=3} on the packaged connector: three tasks read the snapshot together while the table changes,
 * and the topic holds the table's change history with each row's snapshot read before its streamed changes.
 */
class PostgresCdcParallelSnapshotIT extends CdcConnectItBase {

    static final int INITIAL_ROWS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void threeTasksSnapshotTogetherAndEveryChangeFollowsItsRowsRead() throws Exception {
        Scenario scenario = run(connect, postgres, "parallel", Map.of());
        assertThat(new HashSet<>(scenario.events())).as("the change history, each change at least once")
                .containsExactlyInAnyOrderElementsOf(new HashSet<>(scenario.expected()));
        scenario.assertReadsComeFirst();
        connect.deleteConnector("parallel");
    }

    /** What a parallel snapshot under writes put on the topic, and what the table's history says it should. */
    record Scenario(List<String> expected, List<String> events) {

        /** Every change to a row taken by the snapshot comes after the row's read ('r'), in topic order. */
        void assertReadsComeFirst() {
            Map<Integer, Integer> readAt = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                String[] change = events.get(i).split("\\|");
                int id = Integer.parseInt(change[2]);
                if (change[1].equals("r")) {
                    readAt.putIfAbsent(id, i);
                } else if (id <= INITIAL_ROWS) {
                    assertThat(readAt).as("%s at %d comes after the read of row %d", events.get(i), i, id)
                            .containsKey(id);
                    assertThat(readAt.get(id)).isLessThan(i);
                }
            }
            assertThat(readAt).hasSize(INITIAL_ROWS);
        }
    }

    /**
     * Creates {@code name}'s table with {@link #INITIAL_ROWS} rows, starts the connector with three tasks and small
     * snapshot chunks, and once the first task shared its snapshot, updates every seventh row and writes new ones,
     * until all three tasks run and the topic has every change; returns the topic as a read-committed consumer sees
     * it.
     */
    static Scenario run(ConnectCluster connect, PostgresServer postgres, String name, Map<String, String> extra)
            throws Exception {
        ChangeHistory history = new ChangeHistory(postgres, name);
        List<String> expected = new ArrayList<>(history.create(INITIAL_ROWS));
        Map<String, String> config = PostgresCdcConnectIT.connectorConfig(postgres, name);
        config.put("tasks.max", "3");
        config.put("snapshot.chunk.size", "200");
        config.putAll(extra);
        assertThat(connect.validationErrors(PostgresCdcConnectIT.CONNECTOR_CLASS, config)).isEmpty();
        connect.configureConnector(name, config);
        awaitSharedSnapshot(postgres);
        for (int id = 7; id <= INITIAL_ROWS; id += 7 * 40) {
            postgres.execute("UPDATE " + name + ".orders SET note = 'changed ' || id WHERE id BETWEEN " + id
                    + " AND " + (id + 7 * 40 - 1) + " AND id % 7 = 0");
        }
        history.write(INITIAL_ROWS + 1, INITIAL_ROWS + 100);
        connect.awaitRunning(name, 3);
        expected.addAll(history.changes());
        String topic = PostgresCdcConnectIT.topic(name);
        PostgresCdcConnectIT.distinctChanges(connect, topic, new HashSet<>(expected).size());
        List<String> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(
                PostgresCdcConnectIT.TIMEOUT.toMillis(), Map.of("isolation.level", "read_committed"), Map.of(),
                topic)) {
            if (record.value() != null) {
                JsonNode value = JSON.readTree(record.value());
                events.add(ChangeHistory.change(value));
            }
        }
        return new Scenario(expected, events);
    }

    private static void awaitSharedSnapshot(PostgresServer postgres) throws Exception {
        long deadline = System.nanoTime() + PostgresCdcConnectIT.TIMEOUT.toNanos();
        try (Connection connection = postgres.superuserConnection(); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_stat_activity "
                        + "WHERE application_name LIKE 'tcdc/%/s/%'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("No task shared a snapshot within " + PostgresCdcConnectIT.TIMEOUT);
    }
}
