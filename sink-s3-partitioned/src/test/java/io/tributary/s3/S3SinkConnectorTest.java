package io.tributary.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class S3SinkConnectorTest {

    private static final Map<String, String> CONFIG = Map.of("s3.bucket.name", "lake", "flush.size", "10",
            "topics", "orders");

    @Test
    void everyTaskGetsTheConnectorConfig() {
        S3SinkConnector connector = new S3SinkConnector();
        connector.start(CONFIG);

        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).hasSize(3);
        for (int i = 0; i < tasks.size(); i++) {
            Map<String, String> expected = new java.util.HashMap<>(CONFIG);
            expected.put(S3SinkTask.TASK_ID, Integer.toString(i)); // the task's number, for its JMX metrics
            assertThat(tasks.get(i)).isEqualTo(expected);
        }
        assertThat(connector.taskClass()).isEqualTo(S3SinkTask.class);
        assertThat(connector.config().names()).contains("s3.bucket.name", "path.format", "rotate.schedule.interval.ms");
    }

    @Test
    void refusesToStartWithAnInconsistentConfig() {
        Map<String, String> config = new java.util.HashMap<>(CONFIG);
        config.put("aws.secret.access.key", "hunter2");

        assertThatThrownBy(() -> new S3SinkConnector().start(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("aws.access.key.id").hasMessageNotContaining("hunter2");
    }

    @Test
    void validationStopsAtPerKeyErrorsBeforeContactingTheStore() {
        Map<String, String> config = new java.util.HashMap<>(CONFIG);
        config.put("store.url", "http://127.0.0.1:1");
        config.put("flush.size", "0");

        var values = new S3SinkConnector().validate(config).configValues();

        assertThat(values).filteredOn(v -> !v.errorMessages().isEmpty()).extracting(v -> v.name())
                .containsExactly("flush.size");
    }
}
