package io.tributary.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tributary.testkit.connect.ConnectCluster;

/**
 * With exactly-once source support on the workers and connector-defined transaction boundaries (KIP-618), a worker
 * restart mid-stream neither loses nor repeats a change: a read-committed consumer sees the history exactly once.
 */
class PostgresCdcExactlyOnceIT extends CdcConnectItBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected ConnectCluster.Builder cluster() {
        return super.cluster().exactlyOnceSource();
    }

    @Test
    void aWorkerRestartMidStreamNeitherLosesNorRepeatsChanges() throws Exception {
        String name = "eos";
        ChangeHistory history = new ChangeHistory(postgres, name);
        List<String> expected = new ArrayList<>(history.create(50));
        Map<String, String> config = PostgresCdcConnectIT.connectorConfig(postgres, name);
        config.put("exactly.once.support", "required");
        config.put("transaction.boundary", "connector");
        config.put("provide.transaction.metadata", "true");

        assertThat(connect.validationErrors(PostgresCdcConnectIT.CONNECTOR_CLASS, config)).isEmpty();
        connect.configureConnector(name, config);
        connect.awaitRunning(name, 1);
        String topic = PostgresCdcConnectIT.topic(name);
        PostgresCdcConnectIT.distinctChanges(connect, topic, expected.size());

        Thread writer = new Thread(() -> history.write(51, 200), "history-writer");
        writer.start();
        history.awaitAtLeast(30);
        connect.restartWorker(connect.workers().get(0));
        writer.join(PostgresCdcConnectIT.TIMEOUT.toMillis());
        connect.awaitRunning(name, 1);
        history.write(201, 210);
        expected.addAll(history.changes());

        PostgresCdcConnectIT.distinctChanges(connect, topic, new HashSet<>(expected).size());
        List<String> events = new ArrayList<>();
        int tombstones = 0;
        // Everything up to the end of the topic, as a read-committed consumer sees it.
        Map<String, Object> readCommitted = Map.of("isolation.level", "read_committed");
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(
                PostgresCdcConnectIT.TIMEOUT.toMillis(), readCommitted, Map.of(), topic)) {
            if (record.value() == null) {
                tombstones++;
            } else {
                events.add(ChangeHistory.change(JSON.readTree(record.value())));
            }
        }
        assertThat(events).as("every change exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
        long deletes = expected.stream().filter(change -> change.contains("|d|")).count();
        assertThat(tombstones).as("one tombstone per delete").isEqualTo((int) deletes);
        assertEachTransactionFramedOnce(name + ".transaction", expected);
    }

    /** Three tasks snapshot together: a read-committed consumer sees every change exactly once, reads first. */
    @Test
    void aParallelSnapshotIsExactlyOnceToo() throws Exception {
        PostgresCdcParallelSnapshotIT.Scenario scenario = PostgresCdcParallelSnapshotIT.run(connect, postgres,
                "eospar", Map.of("exactly.once.support", "required", "transaction.boundary", "connector"));
        assertThat(scenario.events()).as("every change exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(scenario.expected());
        scenario.assertReadsComeFirst();
        connect.deleteConnector("eospar");
    }

    /**
     * A read-committed consumer of the transaction topic sees one BEGIN and one END per transaction, in turn, and
     * each END counts the transaction's changes, across the worker restart.
     */
    private void assertEachTransactionFramedOnce(String topic, List<String> expected) throws Exception {
        Map<String, Long> changesPerTx = new java.util.HashMap<>();
        expected.stream().map(change -> change.split("\\|")[0]).filter(txId -> !txId.equals("null"))
                .forEach(txId -> changesPerTx.merge(txId, 1L, Long::sum));
        List<JsonNode> frames = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : connect.kafka().consumeAll(
                PostgresCdcConnectIT.TIMEOUT.toMillis(), Map.of("isolation.level", "read_committed"), Map.of(),
                topic)) {
            frames.add(JSON.readTree(record.value()));
        }
        assertThat(frames).hasSize(2 * changesPerTx.size());
        Map<String, Long> framed = new java.util.HashMap<>();
        for (int i = 0; i < frames.size(); i += 2) {
            assertThat(frames.get(i).path("status").asText()).isEqualTo("BEGIN");
            assertThat(frames.get(i + 1).path("status").asText()).isEqualTo("END");
            String txId = frames.get(i).path("id").asText().split(":")[0];
            assertThat(frames.get(i + 1).path("id").asText()).startsWith(txId + ":");
            assertThat(framed.put(txId, frames.get(i + 1).path("event_count").asLong())).as("framed once: %s", txId)
                    .isNull();
        }
        assertThat(framed).isEqualTo(changesPerTx);
    }
}
