package io.tributary.benchmarks.s3;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.storage.Converter;

/**
 * Fills the benchmark topic before any contestant runs: every {@link BenchRecords} value, serialized by the same
 * converter the worker reads it with ({@link ValueFormat}); no key; record time {@link BenchRecords#BASE_MILLIS} + id
 * ms, so all fall in one hour.
 */
final class TopicLoader {

    private TopicLoader() {
    }

    /** Produces the plan's records (ids {@code plan.firstId()} on); returns the total value bytes. */
    static long load(String bootstrapServers, String topic, ObjectPlan plan, ValueFormat valueFormat)
            throws InterruptedException {
        awaitLeaders(bootstrapServers, topic, plan.partitions());
        Converter converter = valueFormat.converter();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "20",
                ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024),
                ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024)),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long id = plan.firstId(); id < plan.endId(); id++) {
                byte[] value = converter.fromConnectData(topic, BenchRecords.SCHEMA, BenchRecords.value(id));
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, ObjectPlan.partitionOf(id, plan.partitions()),
                        BenchRecords.BASE_MILLIS + id, null, value), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Could not fill " + topic, failure.get());
        }
        return bytes;
    }

    // A first batch sent before its partition's leader is ready fails with NOT_LEADER_OR_FOLLOWER, and the broker
    // then takes the producer's later batches while that one is refused as out of sequence until the delivery
    // timeout: wait until every partition's leader answers before producing.
    private static void awaitLeaders(String bootstrapServers, String topic, int partitions)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                try {
                    admin.listOffsets(latest).all().get();
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The leaders of " + topic + " did not answer in 60 s", e);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
