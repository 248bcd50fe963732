package io.tributary.benchmarks.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectorConfigsTest {

    private static final ConnectorConfigs.Database DB =
            new ConnectorConfigs.Database("127.0.0.1", 5433, "replicator", "secret", "tributary");

    @Test
    void givesTributaryAndDebeziumTheSameDebeziumNamedKeysAndValues() {
        Map<String, String> tributary = ConnectorConfigs.cdc(Contestant.TRIBUTARY,
                Contestant.TRIBUTARY.names("run"), DB, "no_data", Map.of());
        Map<String, String> debezium = ConnectorConfigs.cdc(Contestant.DEBEZIUM,
                Contestant.DEBEZIUM.names("run"), DB, "no_data", Map.of());

        assertThat(tributary).containsEntry("connector.class", "io.tributary.cdc.PostgresCdcConnector")
                .containsEntry("database.hostname", "127.0.0.1").containsEntry("database.port", "5433")
                .containsEntry("database.user", "replicator").containsEntry("database.password", "secret")
                .containsEntry("database.dbname", "tributary").containsEntry("topic.prefix", "bench_run_tributary")
                .containsEntry("table.include.list", "public.bench_rows")
                .containsEntry("slot.name", "bench_run_tributary")
                .containsEntry("publication.name", "bench_run_tributary_pub")
                .containsEntry("publication.autocreate.mode", "disabled").containsEntry("snapshot.mode", "no_data")
                .containsEntry("tasks.max", "1").doesNotContainKey("plugin.name");
        assertThat(debezium).containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector")
                .containsEntry("plugin.name", "pgoutput").containsEntry("slot.name", "bench_run_debezium");

        Map<String, String> shared = new java.util.HashMap<>(debezium);
        shared.remove("plugin.name");
        assertThat(shared.keySet()).isEqualTo(tributary.keySet());
    }

    @Test
    void appliesOverridesForOneContestantOnly() {
        Properties system = new Properties();
        system.setProperty("bench.tributary.max.batch.size", "8192");
        system.setProperty("bench.tributary.snapshot.mode", "initial");
        system.setProperty("bench.debezium.max.queue.size", "20000");
        system.setProperty("bench.tributary.", "ignored: no key");
        system.setProperty("rows", "10");

        Map<String, String> overrides = ConnectorConfigs.overrides(Contestant.TRIBUTARY, system);
        assertThat(overrides).containsOnly(Map.entry("max.batch.size", "8192"), Map.entry("snapshot.mode", "initial"));

        Map<String, String> config = ConnectorConfigs.cdc(Contestant.TRIBUTARY, Contestant.TRIBUTARY.names("run"), DB,
                "no_data", overrides);
        assertThat(config).containsEntry("max.batch.size", "8192").containsEntry("snapshot.mode", "initial");
    }

    @Test
    void configuresTheCeilingWithItsRowsAndStartFile() {
        Map<String, String> ceiling = ConnectorConfigs.ceiling(Contestant.CEILING.names("run"), 5000, 4, "/tmp/go",
                Map.of("batch.size", "4096"));

        assertThat(ceiling).containsEntry("connector.class",
                        "io.tributary.benchmarks.ceiling.GeneratedChangeEventSource")
                .containsEntry("topic.prefix", "bench_run_ceiling").containsEntry("rows", "5000")
                .containsEntry("start.file", "/tmp/go").containsEntry("batch.size", "4096")
                .containsEntry("tasks.max", "4");
        assertThatThrownBy(() -> ConnectorConfigs.cdc(Contestant.CEILING, Contestant.CEILING.names("run"), DB,
                "initial", Map.of())).hasMessageContaining("does not read PostgreSQL");
    }
}
