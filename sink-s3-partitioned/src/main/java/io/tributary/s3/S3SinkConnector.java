package io.tributary.s3;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.tributary.common.Version;
import io.tributary.s3.config.S3SinkConnectorConfig;
import io.tributary.s3.config.StorageConfigFragment;
import io.tributary.s3.storage.S3Clients;
import io.tributary.s3.storage.S3ObjectStore;
import io.tributary.s3.storage.StorageException;

/** Sinks topics to S3 as time-partitioned objects, exactly once; see {@link S3SinkConnectorConfig} for its keys. */
public class S3SinkConnector extends SinkConnector {

    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new S3SinkConnectorConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3SinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(S3SinkTask.TASK_ID, Integer.toString(i)); // names the task's JMX metrics
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return S3SinkConnectorConfig.configDef();
    }

    /** Per-key checks, then rules across keys, then (when those pass) whether the bucket is reachable with them. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        if (result.configValues().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return result;
        }
        S3SinkConnectorConfig config = S3SinkConnectorConfig.withoutCrossFieldChecks(connectorConfigs);
        Map<String, String> problems = config.crossFieldProblems();
        if (!problems.isEmpty()) {
            problems.forEach((key, message) -> addError(result, key, key + " " + message));
            return result;
        }
        try (S3ObjectStore probe = S3Clients.probe(config, VALIDATION_TIMEOUT)) {
            probe.checkAccess();
        } catch (StorageException e) {
            addError(result, keyToFix(e.reason()), e.getMessage());
        } catch (RuntimeException e) {
            addError(result, StorageConfigFragment.STORE_URL, "Cannot reach the store: " + e.getMessage());
        }
        return result;
    }

    private static String keyToFix(StorageException.Reason reason) {
        switch (reason) {
            case ACCESS_DENIED:
                return StorageConfigFragment.ACCESS_KEY_ID;
            case NO_SUCH_BUCKET:
                return StorageConfigFragment.BUCKET;
            default:
                return StorageConfigFragment.STORE_URL;
        }
    }

    private static void addError(Config config, String key, String message) {
        Optional<ConfigValue> value = config.configValues().stream().filter(v -> v.name().equals(key)).findFirst();
        value.ifPresent(v -> v.addErrorMessage(message));
    }
}
