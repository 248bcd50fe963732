package io.tributary.benchmarks.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.GrowingCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts and reads a contestant's topic, which has one partition and is new for each contestant (so its end offset
 * is its record count). Counting asks the broker for the end offset, so nothing is consumed, and no CPU taken from
 * the worker, while a contestant is timed; the records are read and checked only afterwards.
 */
final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long COUNT_EVERY_MS = 20;
    /** {@code -Dsample=true} prints each contestant's first record, to compare their shapes by eye. */
    static final String PRINT_SAMPLE = "sample";

    private final String bootstrapServers;
    private final Admin admin;

    TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Records on the topic now. */
    long count(String topic) throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the end offset of " + partition, e.getCause());
        }
    }

    /**
     * Waits until the topic holds {@code n} records and returns {@link System#nanoTime()} of the count that saw them.
     * Fails when the count does not move for {@code stall}, with {@code status} saying what the connector is doing.
     */
    long awaitCount(String topic, long n, Duration stall, Supplier<String> status) throws InterruptedException {
        return GrowingCount.await(() -> count(topic), n, COUNT_EVERY_MS, stall, count -> topic + " holds " + count
                + " of " + n + " records and has not grown for " + stall + "; " + status.get());
    }

    /** Every record's row id (from the JSON key's {@code payload.id}) and log-append time, in topic order. */
    Rows readAll(String topic) throws IOException, InterruptedException {
        long total = count(topic);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalStateException(topic + " holds too many records to read back: " + total);
        }
        long[] ids = new long[(int) total];
        long[] appendMillis = new long[(int) total];
        long bytes = 0;
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000",
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (read < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Read only " + read + " of " + total + " records of " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (read == total) {
                        break;
                    }
                    if (record.timestampType() != TimestampType.LOG_APPEND_TIME) {
                        throw new IllegalStateException(topic + " does not use LogAppendTime: "
                                + record.timestampType());
                    }
                    if (read == 0 && Boolean.getBoolean(PRINT_SAMPLE)) {
                        System.err.println("First record of " + topic + ":\n  key   " + text(record.key())
                                + "\n  value " + text(record.value()));
                    }
                    ids[read] = keyId(record.key());
                    appendMillis[read] = record.timestamp();
                    bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                    read++;
                }
            }
        }
        return new Rows(ids, appendMillis, bytes);
    }

    /** {@code payload.id} of a JsonConverter key with schemas: {@code {"schema":...,"payload":{"id":42}}}. */
    static long keyId(byte[] key) throws IOException {
        if (key == null) {
            throw new IllegalStateException("A record without a key");
        }
        JsonNode id = JSON.readTree(key).path("payload").path("id");
        if (!id.canConvertToLong()) {
            throw new IllegalStateException("A key without payload.id: " + new String(key, StandardCharsets.UTF_8));
        }
        return id.asLong();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        admin.close();
    }

    /** Row ids and their records' log-append times, index by index, and the records' total key + value bytes. */
    record Rows(long[] ids, long[] appendMillis, long bytes) {

        double bytesPerRecord() {
            return ids.length == 0 ? 0 : (double) bytes / ids.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Rows rows && Arrays.equals(ids, rows.ids)
                    && Arrays.equals(appendMillis, rows.appendMillis) && bytes == rows.bytes;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(ids) + Arrays.hashCode(appendMillis)) + Long.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Rows[" + ids.length + "]";
        }
    }
}
