package io.tributary.s3.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.stream.LongStream;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.tributary.s3.MutableClock;
import io.tributary.s3.TestRecords;
import io.tributary.s3.config.NullValueBehavior;
import io.tributary.s3.config.TimestampSource;
import io.tributary.s3.format.AvroCodec;
import io.tributary.s3.format.AvroFormat;
import io.tributary.s3.format.Compression;
import io.tributary.s3.format.JsonLinesFormat;
import io.tributary.s3.partition.PathTemplate;
import io.tributary.s3.partition.RecordPartitioner;
import io.tributary.s3.partition.TimestampExtractor;
import io.tributary.s3.storage.InMemoryObjectStore;
import io.tributary.s3.storage.StorageException;

class TopicPartitionWriterTest {

    private static final TopicPartition TP = new TopicPartition("orders", 0);
    private static final long T0 = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
    private final List<Long> seeks = new ArrayList<>();
    private final List<SinkRecord> errant = new ArrayList<>();
    private final WriteCounters counters = new WriteCounters();
    /** Commits run on the calling thread unless a test holds them in {@link #queued} to run later. */
    private Executor uploads = Runnable::run;
    private final List<Runnable> queued = new ArrayList<>();

    private WriterSettings settings(int flushSize, long rotateMs, long scheduleMs) {
        return new WriterSettings("topics", flushSize, rotateMs, scheduleMs, ZoneOffset.UTC, NullValueBehavior.IGNORE,
                -1, -1);
    }

    private TopicPartitionWriter writer(WriterSettings settings, TimestampSource source, String template) {
        RecordPartitioner partitioner = new RecordPartitioner(TimestampExtractor.of(source, "", ZoneOffset.UTC, clock),
                PathTemplate.parse(template, ZoneOffset.UTC, Locale.ROOT), ZoneOffset.UTC, -1);
        TopicPartitionWriter writer = new TopicPartitionWriter(TP, settings, partitioner,
                new JsonLinesFormat(Compression.NONE), store, clock, (record, error) -> errant.add(record), seeks::add,
                uploads, counters);
        writer.open();
        return writer;
    }

    private static SinkRecord order(long offset, long time, String region) {
        return TestRecords.order(TP.topic(), TP.partition(), offset, time, region);
    }

    private static void put(TopicPartitionWriter writer, List<SinkRecord> records) {
        records.forEach(writer::write);
        writer.tick();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    /** Holds commits back until {@link #runQueued()}, as a busy upload thread would. */
    private void holdUploads() {
        uploads = queued::add;
    }

    private void runQueued() {
        List<Runnable> now = List.copyOf(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void commitsRunOffTheTaskThreadOneBatchAtATimeAndOnlyFinishedOnesCount() {
        holdUploads();
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");

        put(writer, List.of(order(0, T0, "eu"), order(1, T0, "eu")));
        put(writer, List.of(order(2, T0, "eu"), order(3, T0, "eu")));
        assertThat(queued).as("the second batch waits for the first").hasSize(1);
        assertThat(store.list("topics/")).isEmpty();
        assertThat(writer.uploading()).isTrue();
        assertThat(writer.durableOffset()).hasValue(0);

        assertThat(counters.objects()).as("counted once in S3").isZero();
        runQueued();
        assertThat(store.dataKeys()).containsExactly("topics/r=eu/orders+0+0000000000000000000.jsonl");
        assertThat(writer.durableOffset()).as("not before the task thread saw it finish").hasValue(0);
        assertThat(counters.objects()).isEqualTo(1);
        assertThat(counters.records()).isEqualTo(2);
        assertThat(counters.bytes()).isEqualTo(store.get(store.dataKeys().get(0)).orElseThrow().length);

        writer.tick();
        assertThat(writer.durableOffset()).hasValue(2);
        assertThat(store.list("topics/_manifests/")).hasSize(1);
        runQueued();
        writer.tick();

        assertThat(store.list("topics/_manifests/")).hasSize(2);
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 4));
        assertThat(writer.durableOffset()).hasValue(4);
        assertThat(writer.uploading()).isFalse();
        assertThat(counters.objects()).isEqualTo(2);
        assertThat(counters.records()).isEqualTo(4);
    }

    @Test
    void aBackgroundUploadFailureSurfacesOnTheTaskThreadAndTheBatchIsSentAgain() {
        holdUploads();
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");
        store.failNextCreate(key -> key.endsWith(".jsonl"));
        put(writer, List.of(order(0, T0, "eu"), order(1, T0, "eu")));

        runQueued(); // fails on the "upload thread": nothing is thrown there
        assertThatThrownBy(writer::tick).isInstanceOf(StorageException.class);
        assertThat(writer.durableOffset()).hasValue(0);
        assertThat(queued).isEmpty();

        writer.tick(); // the worker's next put or preCommit
        assertThat(queued).as("sent again").hasSize(1);
        runQueued();
        writer.tick();
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 2));
        assertThat(store.list("topics/_manifests/")).as("the manifest is not appended twice").hasSize(1);
        assertThat(writer.durableOffset()).hasValue(2);
    }

    @Test
    void awaitUploadWaitsForTheBatchAndSendsTheNextOne() {
        List<Runnable> later = new ArrayList<>();
        uploads = runnable -> later.add(runnable);
        TopicPartitionWriter writer = writer(settings(1, -1, -1), TimestampSource.RECORD, "r={value.region}");
        put(writer, List.of(order(0, T0, "eu")));
        put(writer, List.of(order(1, T0, "eu")));
        assertThat(later).hasSize(1);
        later.remove(0).run();

        writer.awaitUpload();

        assertThat(later).as("the next batch went out").hasSize(1);
        assertThat(writer.durableOffset()).hasValue(1);
    }

    @Test
    void rotateSizeBytesClosesAFileOnceItsEncodedSizeReachesTheTarget() {
        WriterSettings settings = new WriterSettings("topics", 1000, -1, -1, ZoneOffset.UTC,
                NullValueBehavior.IGNORE, -1, 100);
        TopicPartitionWriter writer = writer(settings, TimestampSource.RECORD, "r={value.region}");

        // Each line is 24 bytes ({"id":0,"region":"eu"} and a newline): the fifth record takes a file past 100.
        put(writer, LongStream.range(0, 12).mapToObj(offset -> order(offset, T0, "eu")).toList());

        assertThat(store.dataKeys()).containsExactly("topics/r=eu/orders+0+0000000000000000000.jsonl",
                "topics/r=eu/orders+0+0000000000000000005.jsonl");
        for (String key : store.dataKeys()) {
            assertThat(store.get(key).orElseThrow().length).isBetween(100, 100 + 24);
        }
        assertThat(writer.durableOffset()).hasValue(10);
    }

    @Test
    void aReplayRebuildsSizeRotatedFilesWithTheirRecordedBoundariesEvenAfterTheTargetChanged() {
        WriterSettings bySize = new WriterSettings("topics", 1000, -1, -1, ZoneOffset.UTC,
                NullValueBehavior.IGNORE, -1, 100);
        List<SinkRecord> records = LongStream.range(0, 7).mapToObj(offset -> order(offset, T0, "eu")).toList();
        TopicPartitionWriter first = writer(bySize, TimestampSource.RECORD, "r={value.region}");
        records.forEach(first::write);
        store.failNextCreate(key -> key.endsWith(".jsonl"));
        assertThatThrownBy(first::tick).isInstanceOf(StorageException.class);
        assertThat(store.dataKeys()).isEmpty();

        TopicPartitionWriter second = writer(settings(1000, -1, -1), TimestampSource.RECORD, "r={value.region}");
        assertThat(second.state()).isEqualTo(WriterState.RECOVERING);
        put(second, records);

        assertThat(store.dataKeys()).containsExactly("topics/r=eu/orders+0+0000000000000000000.jsonl");
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 5));
        assertThat(second.durableOffset()).hasValue(5);
    }

    @Test
    void flushSizeClosesFilesAndOnlyDurableOffsetsAreCommitted() {
        TopicPartitionWriter writer = writer(settings(3, -1, -1), TimestampSource.RECORD, "dt=yyyy-MM-dd/hour=HH");

        put(writer, List.of(order(0, T0, "eu"), order(1, T0, "eu"), order(2, T0, "eu"), order(3, T0, "eu")));

        assertThat(store.dataKeys()).containsExactly("topics/dt=2026-03-04/hour=05/orders+0+0000000000000000000.jsonl");
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 3));
        assertThat(writer.durableOffset()).hasValue(3);
        assertThat(store.list("topics/_manifests/orders+0/")).hasSize(1);
        assertThat(seeks).isEmpty();
    }

    @Test
    void interleavedPathsKeepTheirOwnFilesAndTheOldestOpenFileHoldsTheOffset() {
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "region={value.region}");

        put(writer, List.of(order(0, T0, "eu"), order(1, T0, "us"), order(2, T0, "us"), order(3, T0, "ap")));

        assertThat(store.dataKeys()).containsExactly("topics/region=us/orders+0+0000000000000000001.jsonl");
        assertThat(writer.durableOffset()).hasValue(0);
    }

    @Test
    void recordTimeRotationStartsANewFileWithTheLateRecord() {
        TopicPartitionWriter writer = writer(settings(100, 60 * MINUTE, -1), TimestampSource.RECORD,
                "r={value.region}");

        put(writer, List.of(order(0, T0, "eu"), order(1, T0 + 30 * MINUTE, "eu"), order(2, T0 + 60 * MINUTE, "eu")));

        assertThat(store.dataKeys()).containsExactly("topics/r=eu/orders+0+0000000000000000000.jsonl");
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 2));
        assertThat(writer.durableOffset()).hasValue(2);
    }

    @Test
    void scheduledRotationClosesFilesOfAnIdlePartition() {
        TopicPartitionWriter writer = writer(settings(100, -1, 10 * MINUTE), TimestampSource.RECORD,
                "r={value.region}");
        put(writer, List.of(order(0, T0, "eu"), order(1, T0, "us")));

        clock.advance(Duration.ofMinutes(9));
        writer.tick();
        assertThat(store.dataKeys()).isEmpty();
        assertThat(writer.durableOffset()).hasValue(0);

        clock.advance(Duration.ofMinutes(1));
        writer.tick();
        assertThat(store.dataKeys()).hasSize(2);
        assertThat(writer.durableOffset()).hasValue(2);
    }

    @Test
    void pastTheGraceAFileClosesAndALateRecordGetsItsOwnFileWithoutClosingOthers() {
        WriterSettings settings = new WriterSettings("topics", 100, -1, -1, ZoneOffset.UTC, NullValueBehavior.IGNORE,
                10 * MINUTE, -1);
        TopicPartitionWriter writer = writer(settings, TimestampSource.RECORD, "dt=yyyy-MM-dd/hour=HH");
        String hour5 = "topics/dt=2026-03-04/hour=05/orders+0+";
        String hour6 = "topics/dt=2026-03-04/hour=06/orders+0+";

        put(writer, List.of(order(0, T0, "eu"), order(1, T0 + 55 * MINUTE, "eu"), order(2, T0 + 62 * MINUTE, "eu")));
        assertThat(store.dataKeys()).as("hour 05 is within the grace of 06:02").isEmpty();

        put(writer, List.of(order(3, T0 + 66 * MINUTE, "eu")));
        assertThat(store.dataKeys()).containsExactly(hour5 + "0000000000000000000.jsonl");

        put(writer, List.of(order(4, T0 + 30 * MINUTE, "eu"), order(5, T0 + 67 * MINUTE, "eu")));
        assertThat(store.dataKeys()).as("the late record, alone; hour 06 stays open")
                .containsExactly(hour5 + "0000000000000000000.jsonl", hour5 + "0000000000000000004.jsonl");
        assertThat(writer.durableOffset()).hasValue(2);
        assertThat(store.jsonLineIds()).containsExactly(0L, 1L, 4L);
    }

    @Test
    void aCrashBetweenManifestAndUploadIsRebuiltWithTheSameWallClockBoundaries() {
        WriterSettings settings = settings(100, -1, 10 * MINUTE);
        TopicPartitionWriter first = writer(settings, TimestampSource.WALLCLOCK, "dt=yyyy-MM-dd/hour=HH");
        put(first, List.of(order(0, 0, "eu"), order(1, 0, "eu"), order(2, 0, "eu")));
        clock.advance(Duration.ofMinutes(10));
        store.failNextCreate(key -> key.endsWith(".jsonl"));
        assertThatThrownBy(first::tick).isInstanceOf(StorageException.class);
        assertThat(store.dataKeys()).isEmpty();

        // The task restarts an hour later: the wall clock would now file these records elsewhere, in other files.
        clock.advance(Duration.ofMinutes(50));
        TopicPartitionWriter second = writer(settings, TimestampSource.WALLCLOCK, "dt=yyyy-MM-dd/hour=HH");
        assertThat(seeks).containsExactly(0L);
        assertThat(second.state()).isEqualTo(WriterState.RECOVERING);
        put(second, List.of(order(0, 0, "eu"), order(1, 0, "eu"), order(2, 0, "eu"), order(3, 0, "eu")));

        assertThat(second.state()).isEqualTo(WriterState.WRITING);
        assertThat(store.dataKeys()).containsExactly("topics/dt=2026-03-04/hour=05/orders+0+0000000000000000000.jsonl");
        clock.advance(Duration.ofMinutes(10));
        second.tick();
        assertThat(store.dataKeys()).contains("topics/dt=2026-03-04/hour=06/orders+0+0000000000000000003.jsonl");
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 4));
    }

    @Test
    void aRebuildLeavesOutRecordsThatWereDroppedTheFirstTime() {
        WriterSettings settings = settings(100, -1, 10 * MINUTE);
        List<SinkRecord> records = List.of(order(0, 0, "eu"),
                TestRecords.schemaless(TP.topic(), 0, 1, 0, Map.of("id", 1, "region", Map.of())),
                TestRecords.tombstone(TP.topic(), 0, 2, 0), order(3, 0, "eu"));
        TopicPartitionWriter first = writer(settings, TimestampSource.WALLCLOCK, "r={value.region}/hour=HH");
        records.forEach(first::write);
        clock.advance(Duration.ofMinutes(10));
        store.failNextCreate(key -> key.endsWith(".jsonl"));
        assertThatThrownBy(first::tick).isInstanceOf(StorageException.class);
        assertThat(errant).hasSize(1);

        clock.advance(Duration.ofHours(2));
        TopicPartitionWriter second = writer(settings, TimestampSource.WALLCLOCK, "r={value.region}/hour=HH");
        put(second, records);

        assertThat(errant).as("reported once, the first time").hasSize(1);
        assertThat(store.dataKeys()).containsExactly("topics/r=eu/hour=05/orders+0+0000000000000000000.jsonl");
        assertThat(store.jsonLineIds()).containsExactly(0L, 3L);
        assertThat(second.state()).isEqualTo(WriterState.WRITING);
    }

    @Test
    void replayedRecordsOfCommittedFilesAreSkippedEvenAfterTheResumeOffset() {
        WriterSettings settings = settings(3, -1, -1);
        TopicPartitionWriter first = writer(settings, TimestampSource.RECORD, "r={value.region}");
        List<SinkRecord> records = List.of(order(0, T0, "eu"), order(1, T0, "us"), order(2, T0, "us"),
                order(3, T0, "us"), order(4, T0, "eu"));
        put(first, records);
        assertThat(first.durableOffset()).hasValue(0);

        TopicPartitionWriter second = writer(settings, TimestampSource.RECORD, "r={value.region}");
        assertThat(seeks).containsExactly(0L);
        put(second, records);
        put(second, List.of(order(5, T0, "eu"), order(6, T0, "us"), order(7, T0, "us"), order(8, T0, "us")));

        assertThat(store.jsonLineIds()).as("eu [0,4,5], us [1,2,3] once, us [6,7,8]").isEqualTo(range(0, 9));
        assertThat(store.dataKeys()).hasSize(3);
        assertThat(second.durableOffset()).hasValue(9);
    }

    @Test
    void aFencedOutWriterResumesFromTheManifestItLostTo() {
        WriterSettings settings = settings(100, -1, 10 * MINUTE);
        TopicPartitionWriter zombie = writer(settings, TimestampSource.RECORD, "r={value.region}");
        TopicPartitionWriter owner = writer(settings, TimestampSource.RECORD, "r={value.region}");
        put(zombie, List.of(order(0, T0, "eu"), order(1, T0, "eu")));
        put(owner, List.of(order(0, T0, "eu"), order(1, T0, "eu"), order(2, T0, "eu")));

        clock.advance(Duration.ofMinutes(10));
        owner.tick();
        zombie.tick();

        assertThat(seeks).containsExactly(3L);
        assertThat(store.dataKeys()).hasSize(1);
        assertThat(store.jsonLineIds()).isEqualTo(range(0, 3));
        assertThat(zombie.durableOffset()).hasValue(3);
    }

    @Test
    void redeliveredRecordsAreWrittenOnce() {
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");
        List<SinkRecord> batch = List.of(order(0, T0, "eu"), order(1, T0, "eu"), order(2, T0, "eu"));

        put(writer, batch);
        put(writer, batch);
        put(writer, List.of(order(3, T0, "eu")));

        assertThat(store.jsonLineIds()).isEqualTo(range(0, 4));
    }

    @Test
    void nullValuesAreSkippedAndUnwritableRecordsReported() {
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");
        SinkRecord noTimestamp = new SinkRecord(TP.topic(), 0, null, null, TestRecords.ORDER,
                order(2, T0, "eu").value(), 2);

        put(writer, List.of(order(0, T0, "eu"), TestRecords.tombstone(TP.topic(), 0, 1, T0), noTimestamp,
                order(3, T0, "eu")));

        assertThat(errant).containsExactly(noTimestamp);
        assertThat(store.jsonLineIds()).containsExactly(0L, 3L);
        OptionalLong durable = writer.durableOffset();
        assertThat(durable).hasValue(4);
    }

    @Test
    void anUploadThatFailsStaysPendingAndIsRetriedWithoutDuplicates() {
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");
        List<SinkRecord> batch = List.of(order(0, T0, "eu"), order(1, T0, "eu"), order(2, T0, "eu"));
        store.failNextCreate(key -> key.endsWith(".jsonl"));

        batch.forEach(writer::write);
        assertThatThrownBy(writer::tick).isInstanceOf(StorageException.class);
        assertThat(writer.durableOffset()).as("nothing is durable yet").hasValue(0);

        put(writer, batch); // the worker redelivers the batch after a RetriableException
        put(writer, List.of(order(3, T0, "eu")));

        assertThat(store.jsonLineIds()).isEqualTo(range(0, 4));
        assertThat(store.list("topics/_manifests/")).hasSize(2);
        assertThat(writer.durableOffset()).hasValue(4);
    }

    @Test
    void aManifestThatFailsToWriteIsRetriedOnTheNextTick() {
        TopicPartitionWriter writer = writer(settings(2, -1, -1), TimestampSource.RECORD, "r={value.region}");
        store.failNextCreate(key -> key.contains("/_manifests/"));

        List.of(order(0, T0, "eu"), order(1, T0, "eu")).forEach(writer::write);
        assertThatThrownBy(writer::tick).isInstanceOf(StorageException.class);
        assertThat(store.dataKeys()).isEmpty();
        writer.tick();

        assertThat(store.jsonLineIds()).isEqualTo(range(0, 2));
        assertThat(writer.durableOffset()).hasValue(2);
    }

    @Test
    void aSchemaChangeStartsANewFile() {
        RecordPartitioner partitioner = new RecordPartitioner(
                TimestampExtractor.of(TimestampSource.RECORD, "", ZoneOffset.UTC, clock),
                PathTemplate.parse("r={value.region}", ZoneOffset.UTC, Locale.ROOT), ZoneOffset.UTC, -1);
        TopicPartitionWriter writer = new TopicPartitionWriter(TP, settings(10, -1, -1), partitioner,
                new AvroFormat(AvroCodec.NULL), store, clock,
                (record, error) -> errant.add(record), seeks::add, Runnable::run, counters);
        writer.open();
        Schema v2 = SchemaBuilder.struct().name("Order")
                .field("id", Schema.INT64_SCHEMA)
                .field("region", Schema.OPTIONAL_STRING_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord newer = new SinkRecord(TP.topic(), 0, null, null, v2,
                new Struct(v2).put("id", 1L).put("region", "eu"), 1, T0,
                TimestampType.CREATE_TIME);

        put(writer, List.of(order(0, T0, "eu"), newer));

        assertThat(store.dataKeys()).containsExactly("topics/r=eu/orders+0+0000000000000000000.avro");
        assertThat(writer.durableOffset()).hasValue(1);
    }

    @Test
    void closedWritersDropBuffersAndReportNothing() {
        TopicPartitionWriter writer = writer(settings(10, -1, -1), TimestampSource.RECORD, "r={value.region}");
        put(writer, List.of(order(0, T0, "eu")));

        writer.close();
        writer.write(order(1, T0, "eu"));

        assertThat(writer.state()).isEqualTo(WriterState.CLOSED);
        assertThat(writer.durableOffset()).isEmpty();
        assertThat(store.dataKeys()).isEmpty();
    }
}
