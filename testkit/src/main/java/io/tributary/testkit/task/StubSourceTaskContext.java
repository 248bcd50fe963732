package io.tributary.testkit.task;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/** A task context whose offset store holds what a test put there, as Connect's would after an offset commit. */
public final class StubSourceTaskContext implements SourceTaskContext {

    private final Map<String, String> configs;
    private final Map<Map<String, ?>, Map<String, Object>> offsets = new HashMap<>();

    public StubSourceTaskContext(Map<String, String> configs) {
        this.configs = configs;
    }

    /** Stores {@code offset} for {@code partition}, as Connect does once records are acknowledged. */
    public void storeOffset(Map<String, ?> partition, Map<String, ?> offset) {
        offsets.put(partition, new HashMap<>(offset));
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public OffsetStorageReader offsetStorageReader() {
        return new OffsetStorageReader() {
            @Override
            public <T> Map<String, Object> offset(Map<String, T> partition) {
                return offsets.get(partition);
            }

            @Override
            public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                Map<Map<String, T>, Map<String, Object>> result = new HashMap<>();
                partitions.forEach(p -> result.put(p, offsets.get(p)));
                return result;
            }
        };
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("this stub records no plugin metrics");
    }
}
