package io.tributary.benchmarks.ceiling;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The framework ceiling of the CDC benchmarks: a source connector that reads nothing and emits {@code rows} insert
 * events of {@code public.bench_rows} in Debezium's envelope as fast as the worker takes them. What a CDC connector
 * cannot beat on the same worker, converter and broker.
 */
public final class GeneratedChangeEventSource extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return "benchmark";
    }

    @Override
    public void start(Map<String, String> props) {
        new GeneratedChangeEventConfig(props); // fail fast on a bad config
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GeneratedChangeEventTask.class;
    }

    /** One task: a CDC connector reads one replication slot with one task too. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return GeneratedChangeEventConfig.CONFIG_DEF;
    }
}
