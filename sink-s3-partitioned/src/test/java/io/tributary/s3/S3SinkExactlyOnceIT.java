package io.tributary.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.s3.model.S3Object;

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
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(topicsDir + "/")).contents()) {
            if (object.key().startsWith(topicsDir + "/_manifests/")) {
                continue;
            }
            assertThat(object.key()).matches(topicsDir + "/region=(eu|us|ap)/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/"
                    + "[\\w.-]+\\+\\d+\\+\\d{19}\\.jsonl\\.gz");
            byte[] gzip = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(object.key())).asByteArray();
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
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(topicsDir + "/")).contents()) {
            if (object.key().startsWith(topicsDir + "/_manifests/")) {
                continue;
            }
            assertThat(object.key()).matches(topicsDir + "/region=(eu|us|ap)/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/"
                    + "orders-avro\\+0\\+\\d{19}\\.avro");
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(object.key())).asByteArray();
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
