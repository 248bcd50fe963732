package io.tributary.benchmarks.ceiling;

import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Up to {@code tasks.max} tasks, each emitting its own contiguous range of the ids (a streaming CDC connector has
     * one task, as it reads one replication slot; a parallel snapshot has several).
     */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return taskConfigs(props, maxTasks);
    }

    static List<Map<String, String>> taskConfigs(Map<String, String> props, int maxTasks) {
        GeneratedChangeEventConfig config = new GeneratedChangeEventConfig(props);
        long rows = config.rows();
        int tasks = (int) Math.max(1, Math.min(maxTasks, rows));
        List<Map<String, String>> configs = new ArrayList<>(tasks);
        long first = config.firstId();
        for (int task = 0; task < tasks; task++) {
            long share = rows / tasks + (task < rows % tasks ? 1 : 0);
            Map<String, String> taskProps = new HashMap<>(props);
            taskProps.put(GeneratedChangeEventConfig.FIRST_ID, Long.toString(first));
            taskProps.put(GeneratedChangeEventConfig.ROWS, Long.toString(share));
            configs.add(Map.copyOf(taskProps));
            first += share;
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return GeneratedChangeEventConfig.CONFIG_DEF;
    }
}
