package io.tributary.s3;

import io.tributary.testkit.task.StubSinkTaskContext;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

import io.tributary.testkit.s3.S3Server;

/**
 * Query-ready: the sink task writes Parquet to a real S3 server, and DuckDB reads the downloaded objects with Hive
 * partitioning, getting back every row with its types and the partition columns from the path.
 */
class S3SinkParquetQueryTest {

    private static final String TOPIC = "orders";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final long T0 = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;

    static final Schema CUSTOMER = SchemaBuilder.struct().name("com.acme.Customer")
            .field("name", Schema.STRING_SCHEMA)
            .field("vip", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .build();
    static final Schema ORDER = SchemaBuilder.struct().name("com.acme.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("zone", Schema.STRING_SCHEMA)
            .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").build())
            .field("day", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("created_at", Timestamp.SCHEMA)
            .field("customer", CUSTOMER)
            .field("items", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static S3Server server;
    private static S3Client s3;

    @TempDir
    Path dir;

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

    /** Order {@code id}: every 20 minutes from 05:00, zones alternating. */
    static SinkRecord order(long id) {
        long at = T0 + id * 20 * MINUTE;
        Struct value = new Struct(ORDER).put("id", id).put("zone", id % 2 == 0 ? "eu" : "us")
                .put("amount", BigDecimal.valueOf(1000 + id, 2))
                .put("day", new Date(at - at % 86_400_000L)).put("created_at", new Date(at))
                .put("customer", new Struct(CUSTOMER).put("name", "c" + id).put("vip", id % 3 == 0 ? true : null))
                .put("items", List.of("i" + id, "j" + id))
                .put("attrs", Map.of("k", "v" + id))
                .put("note", id == 4 ? "fragile" : null);
        return new SinkRecord(TOPIC, 0, null, null, ORDER, value, id, at, TimestampType.CREATE_TIME);
    }

    private static Map<String, String> config(String bucket) {
        Map<String, String> props = new HashMap<>();
        props.put("s3.bucket.name", bucket);
        props.put("store.url", server.endpoint().toString());
        props.put("s3.region", server.region());
        props.put("s3.path.style.access.enabled", "true");
        props.put("aws.access.key.id", server.accessKey());
        props.put("aws.secret.access.key", server.secretKey());
        props.put("format", "parquet");
        props.put("parquet.codec", "zstd");
        props.put("path.format", "region={value.zone}/dt=yyyy-MM-dd/hour=HH");
        props.put("flush.size", "2");
        props.put("rotate.schedule.interval.ms", "600000");
        props.put("s3.retry.backoff.ms", "10");
        return props;
    }

    /** Downloads every data object, keeping the key layout under {@code dir}. */
    private void download(String bucket) throws IOException {
        for (String key : SinkObjects.dataKeys(s3, bucket, "")) {
            Path file = dir.resolve(key);
            Files.createDirectories(file.getParent());
            Files.write(file, SinkObjects.read(s3, bucket, key));
        }
    }

    @Test
    void duckDbReadsTheSinksParquetWithHivePartitionsAndTypes() throws Exception {
        String bucket = "parquet-query";
        server.createBucket(bucket);
        Map<String, String> props = config(bucket);
        StubSinkTaskContext context = new StubSinkTaskContext(props, true);
        MutableClock clock = new MutableClock(Instant.ofEpochMilli(T0));
        S3SinkTask task = new S3SinkTask(null, clock);
        task.initialize(context);
        task.start(props);
        context.assign(Set.of(P0));
        task.open(Set.of(P0));
        try {
            List<SinkRecord> batch = new ArrayList<>();
            for (long id = 0; id < 9; id++) {
                batch.add(order(id));
            }
            batch.add(TestRecords.schemaless(TOPIC, 0, 9, T0, Map.of("id", 9)));
            task.put(batch);
            clock.advance(java.time.Duration.ofMinutes(10));
            task.put(List.of());

            assertThat(context.deadLetters()).extracting(SinkRecord::kafkaOffset).containsExactly(9L);
            assertThat(task.preCommit(Map.of()).get(P0).offset()).as("every file is in S3").isEqualTo(10);
        } finally {
            task.stop();
        }
        download(bucket);

        String files = DuckDb.literal(dir.resolve("topics").toString() + "/**/*.parquet");
        String source = "read_parquet(" + files + ", hive_partitioning=1)";
        try (DuckDb duck = DuckDb.open()) {
            assertThat(duck.columnTypes("SELECT * FROM " + source)).containsExactly(
                    Map.entry("id", "BIGINT"), Map.entry("zone", "VARCHAR"), Map.entry("amount", "DECIMAL(12,2)"),
                    Map.entry("day", "DATE"), Map.entry("created_at", "TIMESTAMP WITH TIME ZONE"),
                    Map.entry("customer", "STRUCT(\"name\" VARCHAR, vip BOOLEAN)"),
                    Map.entry("items", "VARCHAR[]"), Map.entry("attrs", "MAP(VARCHAR, VARCHAR)"),
                    Map.entry("note", "VARCHAR"), Map.entry("dt", "DATE"), Map.entry("hour", "VARCHAR"),
                    Map.entry("region", "VARCHAR"));
            List<Map<String, Object>> rows = duck.rows("SELECT id, zone, region, dt::VARCHAR dt, hour, "
                    + "amount::VARCHAR amount, day::VARCHAR order_day, "
                    + "strftime(created_at, '%Y-%m-%dT%H:%M:%S') created, customer.name cname, customer.vip vip, "
                    + "items[2] second_item, attrs['k'] k, note FROM " + source + " ORDER BY id");
            assertThat(rows).extracting(r -> r.get("id")).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            for (Map<String, Object> row : rows) {
                long id = (Long) row.get("id");
                Instant at = Instant.ofEpochMilli(T0 + id * 20 * MINUTE);
                assertThat(row).containsEntry("zone", id % 2 == 0 ? "eu" : "us")
                        .containsEntry("region", row.get("zone"))
                        .containsEntry("dt", "2026-03-04")
                        .containsEntry("hour", String.format("%02d", 5 + id / 3))
                        .containsEntry("amount", BigDecimal.valueOf(1000 + id, 2).toPlainString())
                        .containsEntry("order_day", "2026-03-04")
                        .containsEntry("created", at.toString().replace("Z", ""))
                        .containsEntry("cname", "c" + id)
                        .containsEntry("vip", id % 3 == 0 ? true : null)
                        .containsEntry("second_item", "j" + id)
                        .containsEntry("k", "v" + id)
                        .containsEntry("note", id == 4 ? "fragile" : null);
            }
        }
    }
}
