package io.tributary.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.postgres.PostgresServer;

/**
 * The packaged connector on a real Connect cluster and a real PostgreSQL: snapshot, then streamed inserts, updates
 * and deletes while the only worker restarts, compared with the change history a trigger records in the database.
 */
class PostgresCdcConnectIT extends CdcConnectItBase {

    /** By name: the module's classes are not on this test's classpath, only in the packaged plugin. */
    static final String CONNECTOR_CLASS = "io.tributary.cdc.PostgresCdcConnector";
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, String> connectorConfig(PostgresServer postgres, String name) {
        Map<String, String> config = postgres.cdcConnectionConfig();
        config.put("name", name);
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topic.prefix", name);
        config.put("table.include.list", name + "\\.orders");
        config.put("slot.name", name);
        config.put("publication.name", name);
        config.put("publication.autocreate.mode", "disabled");
        // The broker does not auto-create topics: Connect creates one per table (KIP-158).
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        return config;
    }

    @Test
    void snapshotAndStreamingSurviveAWorkerRestartWithoutLoss() throws Exception {
        String name = "shop";
        ChangeHistory history = new ChangeHistory(postgres, name);
        Set<String> expected = new HashSet<>(history.create(50));
        Map<String, String> config = connectorConfig(postgres, name);

        assertThat(connect.validationErrors(CONNECTOR_CLASS, config)).isEmpty();
        connect.configureConnector(name, config);
        connect.awaitRunning(name, 1);
        assertThat(distinctChanges(connect, topic(name), expected.size()))
                .containsExactlyInAnyOrderElementsOf(expected);

        Thread writer = new Thread(() -> history.write(51, 200), "history-writer");
        writer.start();
        history.awaitAtLeast(30);
        connect.restartWorker(connect.workers().get(0));
        writer.join(TIMEOUT.toMillis());
        connect.awaitRunning(name, 1);
        history.write(201, 210);

        expected.addAll(history.changes());
        assertThat(distinctChanges(connect, topic(name), expected.size()))
                .as("changes in %s, compared with %s.history", topic(name), name)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * {@code provide.transaction.metadata=true}: each streamed transaction is framed by a BEGIN and an END on
     * {@code <prefix>.transaction}, whose counts match the change events carrying the transaction's id.
     */
    @Test
    void transactionMetadataFramesEveryStreamedTransaction() throws Exception {
        String name = "txshop";
        ChangeHistory history = new ChangeHistory(postgres, name);
        history.create(5);
        Map<String, String> config = connectorConfig(postgres, name);
        config.put("provide.transaction.metadata", "true");
        connect.configureConnector(name, config);
        connect.awaitRunning(name, 1);
        connect.consume(5, TIMEOUT, topic(name));
        // 10 transactions: 10 inserts, 5 updates, 2 deletes (each with its tombstone)
        history.write(6, 15);
        List<JsonNode> changes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.consume(5 + 17 + 2, TIMEOUT, topic(name))) {
            if (record.value() != null) {
                changes.add(JSON.readTree(record.value()));
            }
        }
        List<ConsumerRecord<byte[], byte[]>> frames = connect.consume(2 * 10, TIMEOUT, name + ".transaction");
        assertThat(frames).hasSize(20);
        Set<String> txIds = new HashSet<>();
        for (int i = 0; i < frames.size(); i += 2) {
            JsonNode begin = JSON.readTree(frames.get(i).value());
            JsonNode end = JSON.readTree(frames.get(i + 1).value());
            assertThat(begin.path("status").asText()).isEqualTo("BEGIN");
            assertThat(end.path("status").asText()).isEqualTo("END");
            assertThat(JSON.readTree(frames.get(i).key()).path("id")).isEqualTo(begin.path("id"));
            String txId = begin.path("id").asText().split(":")[0];
            assertThat(end.path("id").asText()).startsWith(txId + ":");
            txIds.add(txId);
            long events = changes.stream().filter(c -> c.path("transaction").path("id").asText()
                    .startsWith(txId + ":")).count();
            assertThat(events).isPositive();
            assertThat(end.path("event_count").asLong()).isEqualTo(events);
            assertThat(end.path("data_collections").get(0).path("data_collection").asText())
                    .isEqualTo(name + ".orders");
            assertThat(end.path("data_collections").get(0).path("event_count").asLong()).isEqualTo(events);
        }
        assertThat(txIds).hasSize(10);
        assertThat(changes).filteredOn(c -> "r".equals(c.path("op").asText()))
                .allSatisfy(c -> assertThat(c.path("transaction").isNull()).isTrue()).hasSize(5);
        assertThat(changes).filteredOn(c -> !"r".equals(c.path("op").asText())).hasSize(17)
                .allSatisfy(c -> assertThat(c.path("transaction").path("id").asText())
                        .isEqualTo(c.path("source").path("txId").asText() + ":" + c.path("source").path("lsn")));
        connect.deleteConnector(name);
    }

    static String topic(String name) {
        return name + "." + name + ".orders";
    }

    /**
     * The distinct changes on the topic once at least {@code expected} distinct ones arrived; without exactly-once
     * support a restart may repeat changes that were not yet acknowledged, which is allowed here.
     */
    static Set<String> distinctChanges(ConnectCluster connect, String topic, int expected) throws Exception {
        int want = expected;
        while (true) {
            Set<String> changes = new HashSet<>();
            List<ConsumerRecord<byte[], byte[]>> records = connect.consume(want, TIMEOUT, topic);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (record.value() != null) {
                    changes.add(ChangeHistory.change(JSON.readTree(record.value())));
                }
            }
            if (changes.size() >= expected) {
                return changes;
            }
            want = records.size() + 1;
        }
    }
}
