package io.tributary.benchmarks.s3;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The worker's side of a sink task that {@link HeapCappedTaskMain} drives by hand: a fixed assignment, no
 * dead-letter queue (a record the sink cannot write fails the run), and rewinds counted, since the driver never
 * replays.
 */
final class DrivenTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final Set<TopicPartition> assignment = new HashSet<>();
    private int rewinds;

    DrivenTaskContext(Map<String, String> configs) {
        this.configs = Map.copyOf(configs);
    }

    void assign(Set<TopicPartition> partitions) {
        assignment.clear();
        assignment.addAll(partitions);
    }

    /** How many times the task asked to rewind a partition (a fresh bucket should give none). */
    int rewinds() {
        return rewinds;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        rewinds += offsets.size();
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        rewinds++;
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
    public ErrantRecordReporter errantRecordReporter() {
        return null;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("The driven task has no plugin metrics");
    }
}
