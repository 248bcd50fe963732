package io.tributary.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import software.amazon.awssdk.services.s3.S3Client;

import io.tributary.testkit.Await;
import io.tributary.testkit.connect.ConnectCluster;
import io.tributary.testkit.s3.S3Server;

/**
 * The packaged sink on a real Kafka + Connect cluster (two workers) and a real S3 server: whatever happens to the
 * connector and its workers mid-stream, every record lands in exactly one object.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3SinkExactlyOnceIT {

    private static final String CONNECTOR_CLASS = "io.tributary.s3.S3SinkConnector";
    private static final String TOPIC = "orders";
    private static final String BUCKET = "lake";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final String[] REGIONS = {"eu", "us", "ap"};

    private S3Server s3Server;
    private S3Client s3;
    private ConnectCluster cluster;

    @BeforeAll
    void start() {
        s3Server = S3Server.start();
        s3 = s3Server.client();
        s3Server.createBucket(BUCKET);
        cluster = ConnectCluster.builder().workers(2).pluginModules("sink-s3-partitioned").start();
        cluster.createTopic(TOPIC, 3);
    }

    @AfterAll
    void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (s3Server != null) {
                s3Server.close();
            }
        }
    }

    private Map<String, String> config(String topicsDir) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "2");
        config.put("topics", TOPIC);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("s3.bucket.name", BUCKET);
        config.put("store.url", s3Server.endpoint().toString());
        config.put("s3.region", s3Server.region());
        config.put("s3.path.style.access.enabled", "true");
        config.put("aws.access.key.id", s3Server.accessKey());
        config.put("aws.secret.access.key", s3Server.secretKey());
        config.put("topics.dir", topicsDir);
        config.put("path.format", "region={value.region}/dt=yyyy-MM-dd/hour=HH");
        config.put("s3.compression.type", "gzip");
        config.put("flush.size", "40");
        // Wall-clock rotation makes file boundaries that only the manifests can reproduce on replay.
        config.put("rotate.schedule.interval.ms", "1000");
        return config;
    }

    private void produce(int from, int to) {
        for (int id = from; id < to; id++) {
            cluster.produce(TOPIC, "k" + id, "{\"id\":" + id + ",\"region\":\"" + REGIONS[id % 3] + "\"}");
        }
    }

    /** The id of every record in every data object under {@code topicsDir}, duplicates included. */
    private List<Integer> idsInS3(String topicsDir) {
        List<Integer> ids = new ArrayList<>();
        for (String key : SinkObjects.dataKeys(s3, BUCKET, topicsDir + "/")) {
            assertThat(key).matches(topicsDir + "/region=(eu|us|ap)/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/"
                    + "[\\w.-]+\\+\\d+\\+\\d{19}\\.jsonl\\.gz");
            byte[] gzip = SinkObjects.read(s3, BUCKET, key);
            Matcher matcher = ID.matcher(gunzip(gzip));
            while (matcher.find()) {
                ids.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return ids;
    }

    private static String gunzip(byte[] gzip) {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitDistinctIds(String topicsDir, int count) {
        Await.until(() -> new HashSet<>(idsInS3(topicsDir)).size() >= count, TIMEOUT,
                () -> "distinct ids in S3: " + new HashSet<>(idsInS3(topicsDir)).size() + " of " + count + "; "
                        + cluster.status("orders-to-s3").map(Object::toString).orElse("no status"));
    }

    private static void assertExactlyOnce(List<Integer> ids, int count) {
        List<Integer> expected = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            expected.add(id);
        }
        assertThat(ids).as("ids of every record in S3, sorted").hasSize(count)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyRecordLandsExactlyOnceThroughAStopAnOffsetResetAndALostWorker() {
        String connector = "orders-to-s3";
        String topicsDir = "eos";
        cluster.configureConnector(connector, config(topicsDir));
        cluster.awaitRunning(connector, 2);

        produce(0, 300);
        awaitDistinctIds(topicsDir, 100);

        // Stop mid-stream, then forget every committed Kafka offset: the tasks replay from the start of the topic
        // and must resume from their manifests instead of writing anything twice.
        cluster.embedded().stopConnector(connector);
        Await.until(() -> cluster.status(connector).map(s -> "STOPPED".equals(s.connector().state())).orElse(false),
                TIMEOUT, () -> "connector not STOPPED: " + cluster.status(connector));
        cluster.embedded().resetConnectorOffsets(connector);
        cluster.embedded().resumeConnector(connector);
        cluster.awaitRunning(connector, 2);
        produce(300, 600);
        awaitDistinctIds(topicsDir, 400);

        // Lose a worker mid-stream: its tasks move to the other one.
        cluster.stopWorker(cluster.workers().get(0));
        produce(600, 900);
        cluster.awaitRunning(connector, 2);
        produce(900, 1000);
        awaitDistinctIds(topicsDir, 1000);

        cluster.deleteConnector(connector);
        assertExactlyOnce(idsInS3(topicsDir), 1000);
        assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(topicsDir + "/_manifests/")).keyCount())
                .as("manifests written").isPositive();
    }

    @Test
    void partitionsRevokedWhileBatchesAreInFlightLoseNothingAndDuplicateNothing() throws Exception {
        String connector = "orders-rebalanced";
        String topic = "orders-rebalance";
        String topicsDir = "rebalance";
        int records = 3000;
        cluster.createTopic(topic, 3);
        Map<String, String> config = config(topicsDir);
        config.put("topics", topic);
        config.put("flush.size", "25");
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, 2);

        // Records keep flowing while a worker joins: the rebalance moves a task and revokes every partition from the
        // tasks (eager range assignment) while they hold files being encoded, buffered and uploaded.
        ExecutorService producer = Executors.newSingleThreadExecutor();
        try {
            Future<?> producing = producer.submit(() -> {
                for (int id = 0; id < records; id++) {
                    cluster.produce(topic, "k" + id, "{\"id\":" + id + ",\"region\":\"" + REGIONS[id % 3] + "\"}");
                }
            });
            awaitDistinctIds(topicsDir, 200);
            cluster.addWorker();
            producing.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            producer.shutdownNow();
        }
        cluster.awaitRunning(connector, 2);
        awaitDistinctIds(topicsDir, records);
        cluster.deleteConnector(connector);

        assertExactlyOnce(idsInS3(topicsDir), records);
    }

    @Test
    void rotateSizeBytesClosesObjectsAtTheTargetSizeAndEveryRecordLandsOnce() {
        String connector = "orders-by-size";
        String topic = "orders-sized";
        String topicsDir = "by-size";
        int records = 1200;
        long target = 1024;
        cluster.createTopic(topic, 3);
        for (int id = 0; id < records; id++) {
            cluster.produce(topic, "k" + id, "{\"id\":" + id + ",\"region\":\"" + REGIONS[id % 3] + "\"}");
        }
        Map<String, String> config = config(topicsDir);
        config.put("topics", topic);
        config.put("s3.compression.type", "none");
        config.put("flush.size", "100000");
        config.put("rotate.size.bytes", Long.toString(target));
        config.put("rotate.schedule.interval.ms", "5000"); // closes the remainders
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, 2);

        Await.until(() -> new HashSet<>(plainIds(topicsDir)).size() >= records, TIMEOUT,
                () -> "distinct ids in S3: " + new HashSet<>(plainIds(topicsDir)).size() + " of " + records);
        cluster.deleteConnector(connector);

        assertExactlyOnce(plainIds(topicsDir), records);
        List<Long> sizes = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(topicsDir + "/")).contents()
                .stream().filter(object -> !object.key().contains("/_manifests/")).map(object -> object.size())
                .toList();
        // A line is at most 26 bytes: a file closes on the line that takes it to the target.
        assertThat(sizes).as("object sizes").allMatch(size -> size < target + 26);
        assertThat(sizes.stream().filter(size -> size >= target).count()).as("objects closed by size")
                .isGreaterThanOrEqualTo(records * 24L / target / 2);
    }

    /** The ids in the uncompressed JSON lines objects under {@code topicsDir}, duplicates included. */
    private List<Integer> plainIds(String topicsDir) {
        List<Integer> ids = new ArrayList<>();
        for (String key : SinkObjects.dataKeys(s3, BUCKET, topicsDir + "/")) {
            assertThat(key).endsWith(".jsonl");
            Matcher matcher = ID.matcher(new String(SinkObjects.read(s3, BUCKET, key), UTF_8));
            while (matcher.find()) {
                ids.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return ids;
    }

    @Test
    void unwritableRecordsGoToTheDeadLetterQueueWhileTheTaskKeepsWriting() {
        String connector = "orders-with-dlq";
        String topic = "orders-dlq-case";
        String dlq = "orders-dlq";
        cluster.createTopic(topic, 1);
        cluster.createTopic(dlq, 1);
        Map<String, String> config = config("dlq");
        config.put("topics", topic);
        config.put("tasks.max", "1");
        config.put("flush.size", "2");
        config.put("behavior.on.null.values", "fail");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, 1);

        cluster.produce(topic, "a", "{\"id\":0,\"region\":\"eu\"}");
        cluster.produce(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "b".getBytes(UTF_8), null));
        cluster.produce(topic, "c", "{\"id\":1,\"region\":\"eu\"}");

        assertThat(cluster.consume(1, TIMEOUT, dlq)).singleElement()
                .satisfies(record -> assertThat(new String(record.key(), UTF_8)).isEqualTo("b"))
                .satisfies(record -> assertThat(record.headers().lastHeader("__connect.errors.exception.message"))
                        .isNotNull());
        awaitDistinctIds("dlq", 2);
        cluster.awaitRunning(connector, 1);
        cluster.deleteConnector(connector);
    }

    @Test
    void avroFilesWithZstandardBlocksFromSchemaRecords() throws Exception {
        String connector = "orders-as-avro";
        String topic = "orders-avro";
        cluster.createTopic(topic, 1);
        Map<String, String> config = config("avro");
        config.put("topics", topic);
        config.put("tasks.max", "1");
        config.put("value.converter.schemas.enable", "true");
        config.put("format", "avro");
        config.put("avro.codec", "zstandard");
        config.put("s3.compression.type", "none");
        config.put("flush.size", "10");
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, 1);
        String schema = "{\"type\":\"struct\",\"name\":\"Order\",\"fields\":[{\"field\":\"id\",\"type\":\"int64\"},"
                + "{\"field\":\"region\",\"type\":\"string\"}]}";
        for (int id = 0; id < 30; id++) {
            cluster.produce(topic, "k" + id, "{\"schema\":" + schema + ",\"payload\":{\"id\":" + id
                    + ",\"region\":\"" + REGIONS[id % 3] + "\"}}");
        }

        List<Long> ids = new ArrayList<>();
        Await.until(() -> {
            ids.clear();
            ids.addAll(avroIds("avro"));
            return ids.size() >= 30;
        }, TIMEOUT, () -> "Avro records in S3: " + ids.size());
        cluster.deleteConnector(connector);

        assertThat(ids).hasSize(30).doesNotHaveDuplicates();
    }

    private List<Long> avroIds(String topicsDir) {
        List<Long> ids = new ArrayList<>();
        for (String key : SinkObjects.dataKeys(s3, BUCKET, topicsDir + "/")) {
            assertThat(key).matches(topicsDir + "/region=(eu|us|ap)/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/"
                    + "orders-avro\\+0\\+\\d{19}\\.avro");
            byte[] bytes = SinkObjects.read(s3, BUCKET, key);
            try (DataFileStream<GenericRecord> records = new DataFileStream<>(new java.io.ByteArrayInputStream(bytes),
                    new GenericDatumReader<>())) {
                assertThat(records.getMetaString("avro.codec")).isEqualTo("zstandard");
                records.forEach(record -> ids.add((Long) record.get("id")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ids;
    }

    /** A JSON-with-schema order: decimal, date, timestamp, nested struct, list and map; from id 30 a new field. */
    private static String richOrder(int id) {
        String fields = "{\"field\":\"id\",\"type\":\"int64\"},"
                + "{\"field\":\"region\",\"type\":\"string\"},"
                + "{\"field\":\"amount\",\"type\":\"bytes\",\"name\":\"org.apache.kafka.connect.data.Decimal\","
                + "\"parameters\":{\"scale\":\"2\",\"connect.decimal.precision\":\"12\"}},"
                + "{\"field\":\"day\",\"type\":\"int32\",\"name\":\"org.apache.kafka.connect.data.Date\"},"
                + "{\"field\":\"created_at\",\"type\":\"int64\","
                + "\"name\":\"org.apache.kafka.connect.data.Timestamp\"},"
                + "{\"field\":\"customer\",\"type\":\"struct\",\"name\":\"Customer\",\"fields\":["
                + "{\"field\":\"name\",\"type\":\"string\"}]},"
                + "{\"field\":\"items\",\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
                + "{\"field\":\"attrs\",\"type\":\"map\",\"keys\":{\"type\":\"string\"},"
                + "\"values\":{\"type\":\"string\"}}"
                + (id >= 30 ? ",{\"field\":\"note\",\"type\":\"string\",\"optional\":true}" : "");
        String amount = java.util.Base64.getEncoder().encodeToString(
                java.math.BigInteger.valueOf(1000 + id).toByteArray());
        long createdAt = java.time.Instant.parse("2026-03-04T05:00:00Z").toEpochMilli() + id * 1000L;
        return "{\"schema\":{\"type\":\"struct\",\"name\":\"Order\",\"fields\":[" + fields + "]},"
                + "\"payload\":{\"id\":" + id + ",\"region\":\"" + REGIONS[id % 3] + "\",\"amount\":\"" + amount
                + "\",\"day\":20516,\"created_at\":" + createdAt + ",\"customer\":{\"name\":\"c" + id + "\"},"
                + "\"items\":[\"i" + id + "\"],\"attrs\":{\"k\":\"v" + id + "\"}"
                + (id >= 30 ? ",\"note\":\"n" + id + "\"" : "") + "}}";
    }

    @Test
    void parquetFromThePackagedPluginReadsBackExactlyOnceInDuckDb(@org.junit.jupiter.api.io.TempDir
                                                                   java.nio.file.Path dir) throws Exception {
        String connector = "orders-as-parquet";
        String topic = "orders-parquet";
        String topicsDir = "parquet";
        cluster.createTopic(topic, 2);
        Map<String, String> config = config(topicsDir);
        config.put("topics", topic);
        config.put("value.converter.schemas.enable", "true");
        config.put("format", "parquet");
        config.put("parquet.codec", "zstd");
        config.put("s3.compression.type", "none");
        config.put("path.format", "region={value.region}/dt=yyyy-MM-dd");
        config.put("timestamp.extractor", "RecordField");
        config.put("timestamp.field", "created_at");
        config.put("flush.size", "7");
        cluster.configureConnector(connector, config);
        cluster.awaitRunning(connector, 2);
        for (int id = 0; id < 40; id++) {
            cluster.produce(topic, "k" + id, richOrder(id));
        }
        Await.until(() -> parquetObjects(topicsDir).size() >= 3, TIMEOUT,
                () -> "Parquet objects: " + parquetObjects(topicsDir));

        // Replay from the start of the topic: the manifests keep every record in exactly one object.
        cluster.embedded().stopConnector(connector);
        Await.until(() -> cluster.status(connector).map(s -> "STOPPED".equals(s.connector().state())).orElse(false),
                TIMEOUT, () -> "connector not STOPPED: " + cluster.status(connector));
        cluster.embedded().resetConnectorOffsets(connector);
        cluster.embedded().resumeConnector(connector);
        cluster.awaitRunning(connector, 2);
        for (int id = 40; id < 60; id++) {
            cluster.produce(topic, "k" + id, richOrder(id));
        }

        String source = "read_parquet(" + DuckDb.literal(dir + "/" + topicsDir + "/**/*.parquet")
                + ", hive_partitioning=1, union_by_name=1)";
        try (DuckDb duck = DuckDb.open()) {
            Await.until(() -> {
                download(topicsDir, dir);
                return distinctIds(duck, source) >= 60;
            }, TIMEOUT, () -> "Parquet objects: " + parquetObjects(topicsDir));
            cluster.deleteConnector(connector);
            download(topicsDir, dir);

            assertThat(duck.rows("SELECT count(*) n, count(DISTINCT id) d, count(note) notes FROM " + source))
                    .containsExactly(Map.of("n", 60L, "d", 60L, "notes", 30L));
            assertThat(duck.columnTypes("SELECT amount, \"day\", created_at, customer, items, attrs, region, dt FROM "
                    + source)).containsExactly(Map.entry("amount", "DECIMAL(12,2)"), Map.entry("day", "DATE"),
                            Map.entry("created_at", "TIMESTAMP WITH TIME ZONE"),
                            Map.entry("customer", "STRUCT(\"name\" VARCHAR)"), Map.entry("items", "VARCHAR[]"),
                            Map.entry("attrs", "MAP(VARCHAR, VARCHAR)"), Map.entry("region", "VARCHAR"),
                            Map.entry("dt", "DATE"));
            assertThat(duck.rows("SELECT amount::VARCHAR a, strftime(created_at, '%H:%M:%S') t, customer.name c, "
                    + "items[1] i, attrs['k'] k, region, dt::VARCHAR dt, note FROM " + source + " WHERE id = 31"))
                    .containsExactly(Map.of("a", "10.31", "t", "05:00:31", "c", "c31", "i", "i31", "k", "v31",
                            "region", "us", "dt", "2026-03-04", "note", "n31"));
        }
    }

    private static long distinctIds(DuckDb duck, String source) {
        try {
            return ((Number) duck.rows("SELECT count(DISTINCT id) n FROM " + source).get(0).get("n")).longValue();
        } catch (java.sql.SQLException e) {
            return -1; // a file caught mid-download; the next round reads it whole
        }
    }

    private List<String> parquetObjects(String topicsDir) {
        List<String> keys = SinkObjects.dataKeys(s3, BUCKET, topicsDir + "/");
        assertThat(keys).allSatisfy(key -> assertThat(key).matches(topicsDir + "/region=(eu|us|ap)/dt=2026-03-04/"
                + "orders-parquet\\+[01]\\+\\d{19}\\.parquet"));
        return keys;
    }

    /** Every data object under {@code topicsDir}, keeping the key layout below {@code dir}. */
    private void download(String topicsDir, java.nio.file.Path dir) {
        for (String key : parquetObjects(topicsDir)) {
            java.nio.file.Path file = dir.resolve(key);
            try {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.write(file, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void validationThroughRestNamesTheKeyToFix() {
        Map<String, String> missingBucket = config("validation");
        missingBucket.put("name", "validation");
        missingBucket.put("s3.bucket.name", "no-such-bucket");
        Map<String, String> badSecret = new HashMap<>(missingBucket);
        badSecret.remove("aws.access.key.id");

        assertThat(cluster.validationErrors(CONNECTOR_CLASS, missingBucket))
                .containsOnlyKeys("s3.bucket.name")
                .hasEntrySatisfying("s3.bucket.name",
                        errors -> assertThat(errors).anyMatch(e -> e.contains("no-such-bucket")));
        assertThat(cluster.validationErrors(CONNECTOR_CLASS, badSecret)).containsOnlyKeys("aws.access.key.id");
    }
}
