package io.tributary.s3;

import io.tributary.testkit.task.StubSinkTaskContext;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.tributary.s3.config.S3SinkConnectorConfig;
import io.tributary.s3.format.Compression;
import io.tributary.s3.metrics.S3SinkMetrics;
import io.tributary.s3.storage.Content;
import io.tributary.s3.storage.ContentBuffer;
import io.tributary.s3.storage.ObjectConflictException;
import io.tributary.s3.storage.S3Clients;
import io.tributary.s3.storage.S3ObjectStore;
import io.tributary.testkit.s3.S3Server;

/** The sink task against a real S3 server (S3Mock in a child JVM), driven like a worker would, with a stub context. */
class S3SinkTaskTest {

    private static final String TOPIC = "orders";
    private static final long T0 = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private static S3Server server;
    private static S3Client s3;
    private static int buckets;

    @BeforeAll
    static void startServer() {
        server = S3Server.start();
        s3 = server.client();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The bytes of every data object in {@code bucket}. */
    private static long objectBytes(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .filter(object -> !object.key().contains("/_manifests/")).mapToLong(S3Object::size).sum();
    }

    private static Map<String, String> config(String bucket, String... overrides) {
        Map<String, String> props = new HashMap<>();
        props.put("s3.bucket.name", bucket);
        props.put("store.url", server.endpoint().toString());
        props.put("s3.region", server.region());
        props.put("s3.path.style.access.enabled", "true");
        props.put("aws.access.key.id", server.accessKey());
        props.put("aws.secret.access.key", server.secretKey());
        props.put("flush.size", "3");
        props.put("s3.retry.backoff.ms", "10");
        for (int i = 0; i < overrides.length; i += 2) {
            props.put(overrides[i], overrides[i + 1]);
        }
        return props;
    }

    private static synchronized String newBucket() {
        String bucket = "task-test-" + (++buckets);
        server.createBucket(bucket);
        return bucket;
    }

    private static List<SinkRecord> orders(TopicPartition tp, long from, long to) {
        return LongStream.range(from, to)
                .mapToObj(offset -> TestRecords.order(tp.topic(), tp.partition(), offset, T0,
                        offset % 2 == 0 ? "eu" : "us"))
                .toList();
    }

    /** Every data object in the bucket: key to its decompressed lines. */
    private static Map<String, List<String>> objects(String bucket, Compression compression) {
        Map<String, List<String>> objects = new HashMap<>();
        for (String key : SinkObjects.dataKeys(s3, bucket, "")) {
            byte[] bytes = SinkObjects.read(s3, bucket, key);
            try (InputStream in = compression.unwrap(new java.io.ByteArrayInputStream(bytes))) {
                objects.put(key, List.of(new String(in.readAllBytes(), UTF_8).split("\n")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return objects;
    }

    private static List<String> allLines(Map<String, List<String>> objects) {
        List<String> lines = new ArrayList<>();
        objects.values().forEach(lines::addAll);
        lines.sort(null);
        return lines;
    }

    private static S3SinkTask startTask(Map<String, String> props, StubSinkTaskContext context, MutableClock clock,
                                        Set<TopicPartition> partitions) {
        S3SinkTask task = new S3SinkTask(null, clock);
        task.initialize(context);
        task.start(props);
        context.assign(partitions);
        task.open(partitions);
        return task;
    }

    @Test
    void writesGzipJsonLinesPerPartitionPathAndCommitsOnlyDurableOffsets() throws Exception {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "s3.compression.type", "gzip",
                "path.format", "region={value.region}/dt=yyyy-MM-dd/hour=HH", "name", "gzip-orders",
                S3SinkTask.TASK_ID, "3");
        StubSinkTaskContext context = new StubSinkTaskContext(props, false);
        S3SinkTask task = startTask(props, context, new MutableClock(Instant.ofEpochMilli(T0)), Set.of(P0, P1));
        ObjectName metrics = S3SinkMetrics.name("gzip-orders", "3");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        try {
            List<SinkRecord> batch = new ArrayList<>(orders(P0, 0, 7));
            batch.addAll(orders(P1, 0, 2));
            task.put(batch);

            Map<String, List<String>> objects = objects(bucket, Compression.GZIP);
            assertThat(objects.keySet()).containsExactlyInAnyOrder(
                    "topics/region=eu/dt=2026-03-04/hour=05/orders+0+0000000000000000000.jsonl.gz",
                    "topics/region=us/dt=2026-03-04/hour=05/orders+0+0000000000000000001.jsonl.gz");
            assertThat(objects.get("topics/region=eu/dt=2026-03-04/hour=05/orders+0+0000000000000000000.jsonl.gz"))
                    .containsExactly("{\"id\":0,\"region\":\"eu\"}", "{\"id\":2,\"region\":\"eu\"}",
                            "{\"id\":4,\"region\":\"eu\"}");
            Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of());
            assertThat(committed).containsOnlyKeys(P0, P1);
            assertThat(committed.get(P0).offset()).as("offset 6 (eu) is still in an open file").isEqualTo(6);
            assertThat(committed.get(P1).offset()).isZero();

            assertThat(jmx.getAttribute(metrics, "ObjectsCommitted")).isEqualTo(2L);
            assertThat(jmx.getAttribute(metrics, "RecordsCommitted")).isEqualTo(6L);
            assertThat((Long) jmx.getAttribute(metrics, "BytesCommitted")).isEqualTo(objectBytes(bucket));
            assertThat((Long) jmx.getAttribute(metrics, "BufferedBytes")).as("3 records in 3 open files").isPositive();
            assertThat((Long) jmx.getAttribute(metrics, "BufferLimitBytes")).isPositive();
        } finally {
            task.stop();
        }
        assertThat(jmx.isRegistered(metrics)).as("unregistered when the task stops").isFalse();
    }

    @Test
    void aRestartedTaskResumesFromTheManifestsAndWritesEveryRecordOnce() {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "rotate.schedule.interval.ms", "60000", "path.format",
                "region={value.region}");
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
        StubSinkTaskContext context = new StubSinkTaskContext(props, false);
        S3SinkTask first = startTask(props, context, clock, Set.of(P0));
        first.put(orders(P0, 0, 8));
        clock.advance(Duration.ofSeconds(30));
        first.put(orders(P0, 8, 11));
        // Crash: no flush, no close; Kafka's committed offset for P0 is still 0.
        first.stop();

        StubSinkTaskContext restarted = new StubSinkTaskContext(props, false);
        S3SinkTask second = startTask(props, restarted, clock, Set.of(P0));
        try {
            long resume = restarted.takeSeeks().get(P0);
            assertThat(resume).as("the oldest record not in a committed file").isBetween(0L, 11L);
            second.put(orders(P0, 0, 20)); // the worker redelivers from its committed offset, before the seek lands
            clock.advance(Duration.ofSeconds(60));
            second.put(List.of());

            List<String> lines = allLines(objects(bucket, Compression.NONE));
            assertThat(lines).hasSize(20).doesNotHaveDuplicates();
            assertThat(second.preCommit(Map.of()).get(P0).offset()).isEqualTo(20);
        } finally {
            second.stop();
        }
    }

    @Test
    void aFileTheLastManifestListsButS3LacksIsRebuiltByteForByte() {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "timestamp.extractor", "Wallclock", "flush.size", "100",
                "rotate.schedule.interval.ms", "60000", "path.format", "dt=yyyy-MM-dd/hour=HH/minute=mm");
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
        S3SinkTask first = startTask(props, new StubSinkTaskContext(props, false), clock, Set.of(P0));
        first.put(orders(P0, 0, 5));
        clock.advance(Duration.ofSeconds(60));
        first.put(orders(P0, 5, 9));
        clock.advance(Duration.ofSeconds(60));
        first.put(List.of());
        first.stop();
        String lost = "topics/dt=2026-03-04/hour=05/minute=01/orders+0+0000000000000000005.jsonl";
        byte[] original = s3.getObjectAsBytes(b -> b.bucket(bucket).key(lost)).asByteArray();
        // As if the task had died after its manifest listed the file and before the upload.
        s3.deleteObject(b -> b.bucket(bucket).key(lost));

        clock.advance(Duration.ofHours(3)); // the wall clock now files records elsewhere: only the manifest knows
        StubSinkTaskContext context = new StubSinkTaskContext(props, false);
        S3SinkTask second = startTask(props, context, clock, Set.of(P0));
        try {
            assertThat(context.takeSeeks()).containsEntry(P0, 5L);
            second.put(orders(P0, 5, 12));

            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(lost)).asByteArray()).isEqualTo(original);
            assertThat(second.preCommit(Map.of()).get(P0).offset()).as("9..11 are in an open file").isEqualTo(9);
            assertThat(allLines(objects(bucket, Compression.NONE))).hasSize(9).doesNotHaveDuplicates();
        } finally {
            second.stop();
        }
    }

    @Test
    void writesAvroContainerFilesThatReadBack() throws IOException {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "format", "avro", "avro.codec", "zstandard",
                "path.format", "region={value.region}");
        S3SinkTask task = startTask(props, new StubSinkTaskContext(props, false),
                new MutableClock(Instant.ofEpochMilli(T0)), Set.of(P0));
        try {
            task.put(orders(P0, 0, 6));

            String key = "topics/region=eu/orders+0+0000000000000000000.avro";
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            List<Object> ids = new ArrayList<>();
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(new SeekableByteArrayInput(bytes),
                    new GenericDatumReader<>())) {
                assertThat(reader.getMetaString("avro.codec")).isEqualTo("zstandard");
                reader.forEach(record -> ids.add(record.get("id")));
            }
            assertThat(ids).containsExactly(0L, 2L, 4L);
        } finally {
            task.stop();
        }
    }

    @Test
    void unwritableRecordsGoToTheDeadLetterQueueAndTheTaskKeepsRunning() {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "behavior.on.null.values", "fail", "flush.size", "2");
        StubSinkTaskContext context = new StubSinkTaskContext(props, true);
        S3SinkTask task = startTask(props, context, new MutableClock(Instant.ofEpochMilli(T0)), Set.of(P0));
        try {
            SinkRecord tombstone = TestRecords.tombstone(TOPIC, 0, 1, T0);
            task.put(List.of(TestRecords.order(TOPIC, 0, 0, T0, "eu"), tombstone,
                    TestRecords.order(TOPIC, 0, 2, T0, "eu")));

            assertThat(context.deadLetters()).containsExactly(tombstone);
            assertThat(allLines(objects(bucket, Compression.NONE))).hasSize(2);
            assertThat(task.preCommit(Map.of()).get(P0).offset()).isEqualTo(3);
        } finally {
            task.stop();
        }
    }

    @Test
    void withoutADeadLetterQueueAnUnwritableRecordStopsTheTaskWithAHint() {
        String bucket = newBucket();
        Map<String, String> props = config(bucket, "behavior.on.null.values", "fail");
        S3SinkTask task = startTask(props, new StubSinkTaskContext(props, false),
                new MutableClock(Instant.ofEpochMilli(T0)), Set.of(P0));
        try {
            assertThatThrownBy(() -> task.put(List.of(TestRecords.tombstone(TOPIC, 0, 0, T0))))
                    .isInstanceOf(ConnectException.class).hasMessageContaining("errors.deadletterqueue.topic.name");
        } finally {
            task.stop();
        }
    }

    @Test
    void largeObjectsGoUpInPartsAndAReplayOfTheSameBytesIsAccepted() {
        String bucket = newBucket();
        S3SinkConnectorConfig config = new S3SinkConnectorConfig(config(bucket, "s3.part.size", "5242880"));
        byte[] big = new byte[5 * 1024 * 1024 + 1234];
        Arrays.fill(big, (byte) 'x');
        byte[] other = big.clone();
        other[42] = 'y';
        // As a file buffer holds it: in blocks, whose edges fall inside the parts.
        ContentBuffer buffer = new ContentBuffer();
        for (int start = 0; start < big.length; start += 1000) {
            buffer.write(big, start, Math.min(1000, big.length - start));
        }
        Content inBlocks = buffer.toContent();
        try (S3ObjectStore store = S3Clients.store(config, Duration.ofSeconds(30), 0)) {
            store.createOrVerify("big/object", inBlocks);
            store.createOrVerify("big/object", Content.of(big));

            assertThatThrownBy(() -> store.createOrVerify("big/object", Content.of(other)))
                    .isInstanceOf(ObjectConflictException.class).hasMessageContaining("never overwrites");
            assertThat(store.createIfAbsent("small", Content.of(new byte[] {1}))).isTrue();
            assertThat(store.createIfAbsent("small", Content.of(new byte[] {2}))).isFalse();
        }
        assertThat(s3.headObject(b -> b.bucket(bucket).key("big/object")).eTag()).endsWith("-2\"");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("big/object")).asByteArray()).isEqualTo(big);
    }

    @Test
    void validationNamesTheKeyToFix() {
        S3SinkConnector connector = new S3SinkConnector();

        assertThat(errors(connector.validate(config("no-such-bucket")), "s3.bucket.name"))
                .anySatisfy(message -> assertThat(message).contains("does not exist"));
        assertThat(errors(connector.validate(config(newBucket(), "store.url", "http://127.0.0.1:1")), "store.url"))
                .isNotEmpty();
        assertThat(errors(connector.validate(config(newBucket(), "timestamp.extractor", "RecordField")),
                "timestamp.field")).anySatisfy(message -> assertThat(message).contains("RecordField"));
        assertThat(connector.validate(config(newBucket())).configValues())
                .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
    }

    private static List<String> errors(org.apache.kafka.common.config.Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }
}
