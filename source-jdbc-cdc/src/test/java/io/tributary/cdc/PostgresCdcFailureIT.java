package io.tributary.cdc;

import static io.tributary.cdc.PostgresCdcConnectIT.connectorConfig;
import static io.tributary.cdc.PostgresCdcConnectIT.distinctChanges;
import static io.tributary.cdc.PostgresCdcConnectIT.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;


/**
 * The packaged connector when the database fails it: a PostgreSQL restart while streaming is survived with no loss
 * (compared with the change history a trigger records), a slot dropped under it fails the task with what to do.
 */
class PostgresCdcFailureIT extends CdcConnectItBase {

    @Test
    void aPostgresRestartWhileStreamingLosesNothing() throws Exception {
        String name = "restarted";
        ChangeHistory history = new ChangeHistory(postgres, name);
        Set<String> expected = new HashSet<>(history.create(20));
        Map<String, String> config = connectorConfig(postgres, name);
        config.put("retriable.restart.connector.wait.ms", "2000");
        connect.configureConnector(name, config);
        connect.awaitRunning(name, 1);
        assertThat(distinctChanges(connect, topic(name), expected.size())).as("the snapshot")
                .containsExactlyInAnyOrderElementsOf(expected);
        history.write(21, 60);

        postgres.restart();
        history.write(61, 100);

        expected.addAll(history.changes());
        assertThat(distinctChanges(connect, topic(name), expected.size()))
                .as("changes in %s, compared with %s.history", topic(name), name)
                .containsExactlyInAnyOrderElementsOf(expected);
        connect.awaitRunning(name, 1);
    }

    @Test
    void aSlotDroppedUnderTheConnectorFailsItsTaskSayingWhatToDo() throws Exception {
        String name = "unslotted";
        ChangeHistory history = new ChangeHistory(postgres, name);
        history.create(1);
        Map<String, String> config = connectorConfig(postgres, name);
        config.put("snapshot.mode", "no_data");
        connect.configureConnector(name, config);
        connect.awaitRunning(name, 1);
        postgres.awaitActiveSlot(name, PostgresCdcConnectIT.TIMEOUT);
        history.write(2, 3);
        distinctChanges(connect, topic(name), history.changes().size());

        postgres.dropSlotForcibly(name);

        assertThat(connect.awaitFailed(name)).contains("Replication slot '" + name + "' no longer exists")
                .contains("snapshot.mode=when_needed");
    }
}
