package io.tributary.testkit.task;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** What a Connect worker gives a sink task, recorded for tests: seeks, and records sent to the dead-letter queue. */
public final class StubSinkTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final Map<TopicPartition, Long> seeks = new HashMap<>();
    private final Set<TopicPartition> assignment = new HashSet<>();
    private final List<SinkRecord> deadLetters = new CopyOnWriteArrayList<>();
    private final boolean withDeadLetterQueue;

    public StubSinkTaskContext(Map<String, String> configs, boolean withDeadLetterQueue) {
        this.configs = configs;
        this.withDeadLetterQueue = withDeadLetterQueue;
    }

    /** The offsets the task asked to rewind to since the last call, as the worker would apply them. */
    public Map<TopicPartition, Long> takeSeeks() {
        Map<TopicPartition, Long> taken = new HashMap<>(seeks);
        seeks.clear();
        return taken;
    }

    public List<SinkRecord> deadLetters() {
        return deadLetters;
    }

    public void assign(Set<TopicPartition> partitions) {
        assignment.clear();
        assignment.addAll(partitions);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        seeks.put(tp, offset);
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assignment);
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("this stub records no plugin metrics");
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withDeadLetterQueue) {
            return null;
        }
        return (record, error) -> {
            deadLetters.add(record);
            return CompletableFuture.completedFuture(null);
        };
    }
}
