package io.tributary.s3.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.tributary.s3.MutableClock;
import io.tributary.s3.TestRecords;
import io.tributary.s3.config.S3SinkConnectorConfig;
import io.tributary.s3.storage.InMemoryObjectStore;
import io.tributary.s3.storage.StorageException;

/** The writers on their own thread: what the task thread sees of fencing, seeks and outages. */
class TaskWritersTest {

    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final long T0 = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
    private final List<TaskWriters> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(writers -> writers.stop(10_000));
    }

    private TaskWriters writers(String name, Map<TopicPartition, List<Long>> seeks) {
        Map<String, String> props = new HashMap<>();
        props.put("s3.bucket.name", "lake");
        props.put("flush.size", "2");
        props.put("path.format", "r={value.region}");
        props.put("timestamp.extractor", "Record");
        S3SinkConnectorConfig config = new S3SinkConnectorConfig(props);
        TaskWriters writers = new TaskWriters(errant -> new PartitionWriters(config, store, clock, errant,
                Runnable::run), new MemoryBudget(64L * 1024 * 1024), (record, error) -> {
                    throw new AssertionError("unexpected errant record " + record, error);
                }, (tp, offset) -> seeks.computeIfAbsent(tp, p -> new ArrayList<>()).add(offset), name);
        started.add(writers);
        writers.open(Set.of(P0));
        return writers;
    }

    private static List<SinkRecord> orders(long from, long to) {
        return LongStream.range(from, to).mapToObj(offset -> TestRecords.order(P0.topic(), P0.partition(), offset,
                T0, "eu")).toList();
    }

    @Test
    void aFencedWriterSkipsWhatWasDeliveredBeforeItsSeekLanded() {
        Map<TopicPartition, List<Long>> ownerSeeks = new HashMap<>();
        Map<TopicPartition, List<Long>> zombieSeeks = new HashMap<>();
        TaskWriters owner = writers("owner-writer", ownerSeeks);
        TaskWriters zombie = writers("zombie-writer", zombieSeeks);
        owner.put(orders(0, 3));
        assertThat(owner.durableOffsets()).containsEntry(P0, 2L);

        // Its manifest 0 (files 0-1 and 2-3) loses to the owner's (file 0-1). Its writer thread waits at its first
        // upload until this put has returned, so the seek it then asks for reaches the worker with the next put.
        CountDownLatch putReturned = new CountDownLatch(1);
        store.holdCreatesUntil(putReturned);
        zombie.put(orders(0, 4));
        putReturned.countDown();
        zombie.durableOffsets();
        assertThat(zombieSeeks).isEmpty();
        // Fetched before the worker applied the seek, which it does only after this put returns.
        zombie.put(orders(4, 6));
        assertThat(zombieSeeks).containsEntry(P0, List.of(2L));
        zombie.put(orders(2, 6)); // from the seek on
        assertThat(zombie.durableOffsets()).containsEntry(P0, 6L);

        assertThat(store.jsonLineIds()).isEqualTo(LongStream.range(0, 6).boxed().toList());
        assertThat(ownerSeeks).isEmpty();
    }

    @Test
    void anOutageOnTheWriterThreadFailsTheNextPutAndTheRedeliveryFinishesTheBatch() {
        TaskWriters writers = writers("outage-writer", new HashMap<>());
        store.failNextCreate(key -> key.contains("_manifests"));
        writers.put(orders(0, 3));
        writers.durableOffsets(); // the commit failed on the writer thread; preCommit does not throw for an outage

        List<SinkRecord> next = orders(3, 5);
        assertThatThrownBy(() -> writers.put(next)).isInstanceOf(StorageException.class);
        writers.put(next); // the worker redelivers the batch it was refused
        assertThat(writers.durableOffsets()).containsEntry(P0, 4L);

        assertThat(store.jsonLineIds()).isEqualTo(LongStream.range(0, 4).boxed().toList());
    }
}
