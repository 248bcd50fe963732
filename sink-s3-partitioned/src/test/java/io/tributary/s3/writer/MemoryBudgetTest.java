package io.tributary.s3.writer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.tributary.s3.MutableClock;
import io.tributary.s3.TestRecords;
import io.tributary.s3.config.NullValueBehavior;
import io.tributary.s3.config.TimestampSource;
import io.tributary.s3.format.Compression;
import io.tributary.s3.format.JsonLinesFormat;
import io.tributary.s3.partition.PathTemplate;
import io.tributary.s3.partition.RecordPartitioner;
import io.tributary.s3.partition.TimestampExtractor;
import io.tributary.s3.storage.InMemoryObjectStore;

class MemoryBudgetTest {

    private static final long T0 = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();
    private static final int PARTITIONS = 10;
    private static final int PATHS = 40;
    private static final long BUDGET = 2L * 1024 * 1024;

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));

    private List<TopicPartitionWriter> writers() {
        return writers(1_000_000, Runnable::run);
    }

    private List<TopicPartitionWriter> writers(int flushSize, Executor uploads) {
        WriterSettings settings = new WriterSettings("topics", flushSize, -1, 60_000, ZoneOffset.UTC,
                NullValueBehavior.IGNORE, -1, -1);
        RecordPartitioner partitioner = new RecordPartitioner(
                TimestampExtractor.of(TimestampSource.RECORD, "", ZoneOffset.UTC, clock),
                PathTemplate.parse("r={value.region}", ZoneOffset.UTC, Locale.ROOT), ZoneOffset.UTC, -1);
        List<TopicPartitionWriter> writers = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            TopicPartitionWriter writer = new TopicPartitionWriter(new TopicPartition("t", p), settings, partitioner,
                    new JsonLinesFormat(Compression.GZIP), store, clock, (record, error) -> { }, offset -> { },
                    uploads, new WriteCounters());
            writer.open();
            writers.add(writer);
        }
        return writers;
    }

    private static long buffered(List<TopicPartitionWriter> writers) {
        return writers.stream().mapToLong(TopicPartitionWriter::bufferedBytes).sum();
    }

    @Test
    void manyOpenTimePartitionsStayWithinTheBudgetAndLoseNothing() throws Exception {
        List<TopicPartitionWriter> writers = writers();
        MemoryBudget budget = new MemoryBudget(BUDGET);
        int perPartition = 2_000;
        int closedEarly = 0;
        for (int offset = 0; offset < perPartition; offset += 100) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int o = offset; o < offset + 100; o++) {
                    writers.get(p).write(TestRecords.order("t", p, o, T0, "r" + (o % PATHS)));
                }
            }
            closedEarly += budget.enforce(writers);
            writers.forEach(TopicPartitionWriter::tick);
            assertThat(buffered(writers)).as("after offset %d", offset).isLessThanOrEqualTo(BUDGET);
        }
        clock.advance(Duration.ofMinutes(1));
        writers.forEach(TopicPartitionWriter::tick);

        assertThat(closedEarly).isPositive();
        assertThat(buffered(writers)).isZero();
        long lines = 0;
        for (String key : store.dataKeys()) {
            try (var in = Compression.GZIP.unwrap(new java.io.ByteArrayInputStream(store.get(key).orElseThrow()))) {
                lines += new String(in.readAllBytes(), UTF_8).lines().count();
            }
        }
        assertThat(lines).isEqualTo((long) PARTITIONS * perPartition);
        for (TopicPartitionWriter writer : writers) {
            assertThat(writer.durableOffset()).hasValue(perPartition);
        }
    }

    @Test
    void closedFilesWaitingForSlowUploadsMakeTheTaskWaitInsteadOfClosingMoreFiles() {
        // Every upload starts 200 ms after it is sent, on another thread, as over a slow link.
        List<TopicPartitionWriter> writers = writers(2_000,
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        long budget = 32 * 1024;
        for (int p = 0; p < PARTITIONS; p++) {
            for (int o = 0; o < 2_000; o++) {
                writers.get(p).write(TestRecords.order("t", p, o, T0, "eu"));
            }
        }
        writers.forEach(TopicPartitionWriter::tick);
        assertThat(buffered(writers)).as("closed files being uploaded").isGreaterThan(budget);

        int closedEarly = new MemoryBudget(budget).enforce(writers);

        assertThat(closedEarly).as("nothing was open").isZero();
        assertThat(buffered(writers)).isLessThanOrEqualTo(budget);
        assertThat(store.dataKeys()).isNotEmpty();
    }

    @Test
    void underTheBudgetNothingIsClosed() {
        List<TopicPartitionWriter> writers = writers();
        writers.get(0).write(TestRecords.order("t", 0, 0, T0, "eu"));

        MemoryBudget budget = new MemoryBudget(BUDGET);
        assertThat(budget.enforce(writers)).isZero();
        assertThat(store.dataKeys()).isEmpty();
        assertThat(budget.bufferedBytes()).as("what the metrics show").isEqualTo(buffered(writers)).isPositive();
    }
}
