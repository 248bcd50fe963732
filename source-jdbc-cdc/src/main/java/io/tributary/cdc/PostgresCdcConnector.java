package io.tributary.cdc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import io.tributary.cdc.config.ConfigChecks;
import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.config.SnapshotMode;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.ConnectionSettings;
import io.tributary.cdc.connection.PgConnectionFactory;
import io.tributary.cdc.connection.ServerFacts;
import io.tributary.cdc.connection.ServerProbe;
import io.tributary.cdc.offset.OffsetAlteration;
import io.tributary.common.Version;

/**
 * Captures every committed change of chosen PostgreSQL tables from the WAL (pgoutput), after a consistent snapshot,
 * as Debezium-compatible change events. A replication slot has one reader, so the first task streams; with
 * {@code tasks.max > 1} the others each read a share of the snapshot in parallel with it.
 */
public class PostgresCdcConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new PostgresCdcConnectorConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostgresCdcTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        int parts = new PostgresCdcConnectorConfig(props).snapshotMode() == SnapshotMode.NO_DATA ? 1
                : Math.max(1, maxTasks);
        List<Map<String, String>> configs = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            Map<String, String> config = new HashMap<>(props);
            config.put(PostgresCdcTask.SNAPSHOT_PART, Integer.toString(part));
            config.put(PostgresCdcTask.SNAPSHOT_PARTS, Integer.toString(parts));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
        props = null;
    }

    /**
     * Offsets name the exact position of every record, so with the worker's exactly-once support a restart neither
     * loses nor repeats records. An interrupted snapshot starts over, which repeats records unless
     * {@code transaction.boundary=connector} keeps the whole snapshot in one Kafka transaction.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** With {@code transaction.boundary=connector}, each PostgreSQL transaction is one Kafka transaction. */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.SUPPORTED;
    }

    /** Accepts well-formed offsets of this connector's partition that the slot can still stream from (KIP-875). */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(connectorConfig);
        OptionalLong confirmedFlush = OptionalLong.empty();
        boolean streamingOffsets = offsets.values().stream().anyMatch(o -> o != null && !Boolean.TRUE.equals(
                o.get("snapshot")));
        if (streamingOffsets) {
            try (Catalog catalog = new PgConnectionFactory(ConnectionSettings.of(config)).catalog()) {
                confirmedFlush = catalog.slot(config.slotName())
                        .map(slot -> OptionalLong.of(slot.confirmedFlushLsn())).orElse(OptionalLong.empty());
            } catch (SQLException e) {
                throw new ConnectException("Cannot check the offsets against slot '" + config.slotName() + "': "
                        + e.getMessage(), e);
            }
        }
        OffsetAlteration.check(config.topicPrefix(), offsets, confirmedFlush);
        return true;
    }

    @Override
    public ConfigDef config() {
        return PostgresCdcConnectorConfig.configDef();
    }

    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        Map<String, ConfigValue> values = result.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, Function.identity()));
        ConfigChecks.crossField(values);
        boolean connectable = ConfigChecks.CONNECTION_KEYS.stream()
                .allMatch(key -> values.get(key) != null && values.get(key).errorMessages().isEmpty());
        // The server checks need the whole config parsed: an invalid value elsewhere is reported on its key instead.
        boolean parsable = values.values().stream().allMatch(value -> value.errorMessages().isEmpty());
        if (!connectable || !parsable) {
            return result;
        }
        PostgresCdcConnectorConfig config = new PostgresCdcConnectorConfig(connectorConfigs);
        ConnectionSettings settings = ConnectionSettings.of(config);
        try {
            ServerFacts facts = ServerProbe.probe(settings, config.publicationName(), config.slotName(),
                    ConfigChecks.needsColumns(config));
            ConfigChecks.againstServer(values, config, facts);
        } catch (SQLException e) {
            ConfigChecks.connectionFailed(values, settings.toString(), e);
        }
        return result;
    }
}
