package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.ceiling.GeneratedChangeEventConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The connector configurations of the contestants. Tributary and Debezium get the same keys (Tributary uses
 * Debezium's names) and the same values; Debezium also gets {@code plugin.name=pgoutput}, which Tributary always uses.
 * Anything else stays at each connector's default, except what {@code -Dbench.<contestant>.<key>=<value>} sets.
 */
final class ConnectorConfigs {

    static final String OVERRIDE_PREFIX = "bench.";

    private ConnectorConfigs() {
    }

    /** Where the contestants connect: the benchmark's PostgreSQL, as its replication role. */
    record Database(String host, int port, String user, String password, String dbname) {
    }

    /** A CDC connector reading {@link BenchTable} through its own slot and an existing publication. */
    static Map<String, String> cdc(Contestant contestant, Contestant.Names names, Database db, String snapshotMode,
            Map<String, String> overrides) {
        if (!contestant.readsPostgres()) {
            throw new IllegalArgumentException(contestant.id() + " does not read PostgreSQL");
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", contestant.connectorClass());
        config.put("tasks.max", "1");
        config.put("database.hostname", db.host());
        config.put("database.port", Integer.toString(db.port()));
        config.put("database.user", db.user());
        config.put("database.password", db.password());
        config.put("database.dbname", db.dbname());
        config.put("topic.prefix", names.topicPrefix());
        config.put("table.include.list", BenchTable.QUALIFIED_NAME);
        config.put("slot.name", names.slot());
        config.put("publication.name", names.publication());
        // The harness creates the publication (the replication role does not own the table): both just use it.
        config.put("publication.autocreate.mode", "disabled");
        config.put("snapshot.mode", snapshotMode);
        if (contestant == Contestant.DEBEZIUM) {
            config.put("plugin.name", "pgoutput");
        }
        config.putAll(overrides);
        return config;
    }

    /**
     * The ceiling: {@code rows} events from {@code tasks} tasks; it waits for {@code startFile} to exist before the
     * first one, so the clock can start with the connector already running, as for CDC connectors before the first
     * insert.
     */
    static Map<String, String> ceiling(Contestant.Names names, long rows, int tasks, String startFile,
            Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", Contestant.CEILING.connectorClass());
        config.put("tasks.max", Integer.toString(tasks));
        config.put(GeneratedChangeEventConfig.TOPIC_PREFIX, names.topicPrefix());
        config.put(GeneratedChangeEventConfig.ROWS, Long.toString(rows));
        config.put(GeneratedChangeEventConfig.START_FILE, startFile);
        config.putAll(overrides);
        return config;
    }

    /** {@code bench.<contestant>.<key>=<value>} system properties: connector config overrides for that contestant. */
    static Map<String, String> overrides(Contestant contestant, Properties systemProperties) {
        String prefix = OVERRIDE_PREFIX + contestant.id() + ".";
        Map<String, String> overrides = new LinkedHashMap<>();
        systemProperties.stringPropertyNames().stream()
                .filter(k -> k.startsWith(prefix) && k.length() > prefix.length())
                .sorted()
                .forEach(k -> overrides.put(k.substring(prefix.length()), systemProperties.getProperty(k)));
        return overrides;
    }
}
