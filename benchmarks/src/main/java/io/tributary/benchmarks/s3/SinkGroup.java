package io.tributary.benchmarks.s3;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/** The consumer group of a sink connector ({@code connect-<name>}), as the broker describes it. */
final class SinkGroup {

    private SinkGroup() {
    }

    /** Waits until the group is stable with all {@code partitions} of {@code topic} assigned to its tasks. */
    static void awaitAssigned(String bootstrapServers, String connector, String topic, int partitions,
            Duration timeout) throws InterruptedException {
        String group = "connect-" + connector;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(java.util.List.of(group))
                        .describedGroups().get(group).get();
                long assigned = description.members().stream().map(MemberDescription::assignment)
                        .flatMap(a -> a.topicPartitions().stream()).filter(tp -> tp.topic().equals(topic)).count();
                if (description.groupState() == GroupState.STABLE && assigned == partitions) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Group " + group + " is " + description.groupState() + " with "
                            + assigned + " of " + partitions + " partitions of " + topic + " assigned after "
                            + timeout);
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot describe group " + group, e.getCause());
        }
    }
}
