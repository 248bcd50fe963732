package io.tributary.benchmarks.ceiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedChangeEventTaskTest {

    @TempDir
    Path dir;

    @Test
    void emitsEachRowOnceInBatchesAfterTheStartFileAppears() throws Exception {
        Path go = dir.resolve("go");
        GeneratedChangeEventTask task = new GeneratedChangeEventTask();
        task.start(Map.of("topic.prefix", "bench", "rows", "5", "batch.size", "2", "start.file", go.toString()));

        assertThat(task.poll()).isNull();
        Files.createFile(go);
        List<SourceRecord> records = new ArrayList<>();
        List<SourceRecord> batch;
        while ((batch = task.poll()) != null) {
            assertThat(batch).hasSizeLessThanOrEqualTo(2);
            records.addAll(batch);
        }

        assertThat(records).hasSize(5).allSatisfy(r -> assertThat(r.topic()).isEqualTo("bench.public.bench_rows"));
        assertThat(records).extracting(r -> ((Struct) r.key()).getInt64("id")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(task.poll()).isNull();
    }

    @Test
    void tasksEmitDisjointRangesThatCoverEveryRowOnce() throws Exception {
        Files.createFile(dir.resolve("go"));
        Map<String, String> props = Map.of("topic.prefix", "bench", "rows", "10", "batch.size", "3",
                "start.file", dir.resolve("go").toString());
        List<Map<String, String>> configs = GeneratedChangeEventSource.taskConfigs(props, 4);

        assertThat(configs).extracting(c -> c.get("first.id")).containsExactly("1", "4", "7", "9");
        assertThat(configs).extracting(c -> c.get("rows")).containsExactly("3", "3", "2", "2");
        List<Long> ids = new ArrayList<>();
        for (Map<String, String> config : configs) {
            GeneratedChangeEventTask task = new GeneratedChangeEventTask();
            task.start(config);
            List<SourceRecord> batch;
            while ((batch = task.poll()) != null) {
                batch.forEach(r -> ids.add(((Struct) r.key()).getInt64("id")));
            }
        }
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(GeneratedChangeEventSource.taskConfigs(Map.of("topic.prefix", "bench", "rows", "2"), 4))
                .as("never more tasks than rows").hasSize(2);
    }

    @Test
    void withARateEmitsOnlyTheTransactionsDueSinceTheStartWrittenInTheStartFile() throws Exception {
        Path go = dir.resolve("go");
        // Started 6 s ago at 4 rows/s in 20-row transactions (one every 5 s): transactions 0 and 1 (ids 1..40) are
        // due, the next one (id 41) 4 s from now.
        Files.writeString(go, Long.toString(EmitSchedule.nowMicros() - 6_000_000));
        GeneratedChangeEventTask task = new GeneratedChangeEventTask();
        task.start(Map.of("topic.prefix", "bench", "rows", "100", "rate", "4", "transaction.rows", "20",
                "start.file", go.toString()));

        List<SourceRecord> due = task.poll();
        assertThat(due).extracting(r -> ((Struct) r.key()).getInt64("id"))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(task.poll()).as("nothing more is due yet").isNull();
    }

    @Test
    void buildsDebeziumShapedInsertsOfTheBenchTableRows() {
        ChangeEventShape shape = new ChangeEventShape("bench");
        Struct value = shape.insert(123_457, 1_000, 42, 1_700_000_000_000L, 1_700_000_000_005L);
        value.validate();

        Struct after = value.getStruct("after");
        assertThat(value.get("before")).isNull();
        assertThat(value.getString("op")).isEqualTo("c");
        assertThat(value.getInt64("ts_ms")).isEqualTo(1_700_000_000_005L);
        assertThat(after.getInt64("id")).isEqualTo(123_457L);
        assertThat(after.getInt32("account_id")).isEqualTo(3_457);
        assertThat(after.get("amount")).isEqualTo(new BigDecimal("234.57"));
        assertThat(after.getString("status")).isEqualTo("paid");
        assertThat(after.getString("note")).isEqualTo("order 123457 for account 3457");
        assertThat(after.getString("created_at")).isEqualTo("2026-01-01T00:02:03.457000Z");
        Struct source = value.getStruct("source");
        assertThat(source.getString("table")).isEqualTo("bench_rows");
        assertThat(source.getInt64("lsn")).isEqualTo(42L);
        assertThat(value.schema().name()).isEqualTo("bench.public.bench_rows.Envelope");
        assertThat(shape.keySchema().name()).isEqualTo("bench.public.bench_rows.Key");
    }

    @Test
    void convertsWithJsonConverterAsTheWorkerDoes() {
        ChangeEventShape shape = new ChangeEventShape("bench");
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true"), false);

        String json = new String(converter.fromConnectData("t", shape.valueSchema(), shape.insert(1, 1, 1, 0, 0)),
                StandardCharsets.UTF_8);

        assertThat(json).contains("\"op\":\"c\"").contains("\"name\":\"io.debezium.connector.postgresql.Source\"")
                .contains("\"note\":\"order 1 for account 1\"");
    }

    @Test
    void rejectsAConfigWithoutRows() {
        assertThatThrownBy(() -> new GeneratedChangeEventSource().start(Map.of("topic.prefix", "bench")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rows");
    }
}
