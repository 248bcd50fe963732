package io.tributary.cdc;

import static io.tributary.cdc.CdcTaskFixture.after;
import static io.tributary.cdc.CdcTaskFixture.assertNothingMore;
import static io.tributary.cdc.CdcTaskFixture.poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.source.TransactionContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

import io.tributary.testkit.task.StubSourceTaskContext;

/**
 * The Debezium keys that shape events, end to end on a real PostgreSQL: {@code message.key.columns},
 * {@code provide.transaction.metadata}, {@code time.precision.mode} and {@code binary.handling.mode}.
 */
class PostgresCdcEventKeysTest extends CdcTaskTestBase {

    private static Struct value(SourceRecord record) {
        return (Struct) record.value();
    }

    private static String op(SourceRecord record) {
        if (record.value() == null) {
            return "tombstone";
        }
        return value(record).schema().field("op") != null ? value(record).getString("op")
                : value(record).getString("status");
    }

    @Test
    void messageKeyColumnsReplaceThePrimaryKeyAndGiveKeylessTablesAKey() throws Exception {
        fixture.createTables("mkc", Map.of("orders", "id int PRIMARY KEY, no int NOT NULL, customer text, note text",
                "log", "at int, msg text"));
        postgres.execute("ALTER TABLE mkc.log REPLICA IDENTITY FULL",
                "INSERT INTO mkc.orders VALUES (1, 10, 'ann', 'a'), (2, 20, 'bob', 'b'), (3, 30, NULL, 'c')",
                "INSERT INTO mkc.log VALUES (1, 'started')");
        Map<String, String> props = fixture.config("mkc");
        // listed out of table order: key fields are in the order listed, as Debezium's
        props.put("message.key.columns", "mkc\\.orders:customer,no;mkc\\.log:msg");
        props.put("column.exclude.list", "mkc\\.orders\\.customer");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));

        List<SourceRecord> snapshot = poll(task, 4);
        List<SourceRecord> orders = snapshot.stream().filter(r -> r.topic().equals("mkc.mkc.orders")).toList();
        assertThat(orders).extracting(r -> after(r).getInt32("id")).containsExactly(1, 2, 3);
        Struct key = (Struct) orders.get(0).key();
        assertThat(key.schema().name()).isEqualTo("mkc.mkc.orders.Key");
        assertThat(key.schema().fields()).extracting(Field::name).containsExactly("customer", "no");
        assertThat(key.schema().field("no").schema().isOptional()).isFalse();
        assertThat(key.schema().field("customer").schema().isOptional()).as("a nullable column stays optional")
                .isTrue();
        assertThat(key.getInt32("no")).isEqualTo(10);
        assertThat(key.getString("customer")).isEqualTo("ann");
        assertThat(((Struct) orders.get(2).key()).get("customer")).isNull();
        assertThat(after(orders.get(0)).getString("customer")).as("a key column is carried though excluded")
                .isEqualTo("ann");
        assertThat(after(orders.get(0)).schema().field("id").schema().isOptional()).isFalse();
        SourceRecord log = snapshot.stream().filter(r -> r.topic().equals("mkc.mkc.log")).findFirst().orElseThrow();
        assertThat(((Struct) log.key()).getString("msg")).isEqualTo("started");

        postgres.execute("INSERT INTO mkc.orders VALUES (4, 40, 'cy', 'd')",
                "UPDATE mkc.log SET at = 2 WHERE msg = 'started'",
                "DELETE FROM mkc.log");
        List<SourceRecord> streamed = poll(task, 4);
        assertThat(streamed).extracting(PostgresCdcEventKeysTest::op).containsExactly("c", "u", "d", "tombstone");
        assertThat(((Struct) streamed.get(0).key()).getInt32("no")).isEqualTo(40);
        assertThat(((Struct) streamed.get(0).key()).getString("customer")).isEqualTo("cy");
        assertThat(streamed.subList(1, 4)).allSatisfy(r -> assertThat(((Struct) r.key()).getString("msg"))
                .isEqualTo("started"));
        assertThat(streamed.get(0).keySchema()).isEqualTo(orders.get(0).keySchema());
    }

    @Test
    void aMessageKeyColumnTheTableLacksFailsTheTaskNamingBoth() throws Exception {
        fixture.createTables("mkbad", Map.of("orders", "id int PRIMARY KEY"));
        Map<String, String> props = fixture.config("mkbad");
        props.put("message.key.columns", "mkbad\\.orders:id,nosuch");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        ConnectException failure = null;
        long deadline = System.nanoTime() + CdcTaskFixture.TIMEOUT.toNanos();
        while (failure == null && System.nanoTime() < deadline) {
            try {
                assertThat(task.poll()).isNull();
            } catch (ConnectException e) {
                failure = e;
            }
        }
        assertThat(failure).as("the task fails").isNotNull();
        assertThat(failure.getMessage()).contains("message.key.columns").contains("'nosuch'")
                .contains("mkbad.orders");
    }

    @Test
    void transactionMetadataFramesEachTransactionAndSurvivesARestartInsideIt() throws Exception {
        fixture.createTables("txm", Map.of("orders", "id int PRIMARY KEY, note text", "items", "id int PRIMARY KEY"));
        postgres.execute("INSERT INTO txm.orders VALUES (1, 'snapshot')");
        Map<String, String> props = fixture.config("txm");
        props.put("provide.transaction.metadata", "true");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);

        SourceRecord read = poll(task, 1).get(0);
        assertThat(op(read)).isEqualTo("r");
        assertThat(value(read).get("transaction")).as("snapshot records carry no transaction block").isNull();
        acknowledge(task, context, List.of(read));

        postgres.execute("BEGIN", "INSERT INTO txm.orders VALUES (2, 'two')", "INSERT INTO txm.items VALUES (1)",
                "UPDATE txm.orders SET note = 'uno' WHERE id = 1", "DELETE FROM txm.orders WHERE id = 2", "COMMIT");
        List<SourceRecord> records = poll(task, 7);
        assertThat(records).extracting(PostgresCdcEventKeysTest::op)
                .containsExactly("BEGIN", "c", "c", "u", "d", "tombstone", "END");
        SourceRecord begin = records.get(0);
        SourceRecord end = records.get(6);
        assertThat(begin.topic()).isEqualTo("txm.transaction");
        assertThat(end.topic()).isEqualTo("txm.transaction");
        Struct source = value(records.get(1)).getStruct("source");
        long txId = source.getInt64("txId");
        assertThat(value(begin).getString("id")).startsWith(txId + ":");
        assertThat(((Struct) begin.key()).getString("id")).isEqualTo(value(begin).getString("id"));
        assertThat(value(begin).getInt64("ts_ms")).isEqualTo(source.getInt64("ts_ms"));
        assertThat(value(end).getInt64("ts_ms")).isEqualTo(source.getInt64("ts_ms"));
        List<SourceRecord> changes = List.of(records.get(1), records.get(2), records.get(3), records.get(4));
        for (int i = 0; i < changes.size(); i++) {
            Struct block = value(changes.get(i)).getStruct("transaction");
            Struct changeSource = value(changes.get(i)).getStruct("source");
            assertThat(block.getString("id")).isEqualTo(txId + ":" + changeSource.getInt64("lsn"));
            assertThat(block.getInt64("total_order")).isEqualTo(i + 1L);
        }
        assertThat(changes).extracting(r -> value(r).getStruct("transaction").getInt64("data_collection_order"))
                .containsExactly(1L, 1L, 2L, 3L);
        assertThat(value(end).getString("id")).startsWith(txId + ":");
        assertThat(value(end).getInt64("event_count")).isEqualTo(4L);
        assertThat(value(end).getArray("data_collections")).extracting(
                c -> ((Struct) c).getString("data_collection") + "=" + ((Struct) c).getInt64("event_count"))
                .containsExactly("txm.orders=3", "txm.items=1");
        // every record, BEGIN and END included, is a record of the transaction in the offsets; BEGIN is number 0
        assertThat(records).extracting(r -> (Object) r.sourceOffset().get("lsn_commit")).containsOnly(
                (Object) records.get(1).sourceOffset().get("lsn_commit"));
        assertThat(records).extracting(r -> (Object) r.sourceOffset().get("event_serial"))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);

        // Kafka has the BEGIN and the first two changes only: the rest, END included, comes again, numbered alike
        acknowledge(task, context, records.subList(0, 3));
        fixture.stop(task);
        PostgresCdcTask restarted = fixture.start(context);
        List<SourceRecord> resumed = poll(restarted, 4);
        assertThat(resumed).extracting(PostgresCdcEventKeysTest::op).containsExactly("u", "d", "tombstone", "END");
        for (int i = 0; i < resumed.size(); i++) {
            SourceRecord first = records.get(3 + i);
            assertThat(resumed.get(i).sourceOffset()).isEqualTo(first.sourceOffset());
            if (first.value() != null && value(first).schema().field("transaction") != null) {
                assertThat(value(resumed.get(i)).get("transaction")).isEqualTo(value(first).get("transaction"));
            }
        }
        assertThat(value(resumed.get(3)).getString("id")).isEqualTo(value(end).getString("id"));
        assertThat(value(resumed.get(3)).getInt64("event_count")).isEqualTo(4L);
        assertThat(value(resumed.get(3)).getArray("data_collections"))
                .isEqualTo(value(end).getArray("data_collections"));
        assertNothingMore(restarted);
    }

    /** Offsets stored with the metadata off, then on, then off again, each time inside a transaction. */
    @Test
    void turningTransactionMetadataOnOrOffAcrossARestartNeitherRepeatsNorSkipsAChange() throws Exception {
        fixture.createTables("txtoggle", Map.of("orders", "id int PRIMARY KEY"));
        Map<String, String> props = fixture.config("txtoggle");
        props.put("snapshot.mode", "no_data");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("txtoggle");
        postgres.execute("INSERT INTO txtoggle.orders SELECT generate_series(1, 3)",
                "INSERT INTO txtoggle.orders SELECT generate_series(4, 6)");
        List<SourceRecord> plain = poll(task, 6);
        acknowledge(task, context, plain.subList(0, 1));
        fixture.stop(task);

        props.put("provide.transaction.metadata", "true");
        task = fixture.start(context);
        List<SourceRecord> framed = poll(task, 2 + 1 + 5);
        assertThat(framed).extracting(PostgresCdcEventKeysTest::op)
                .containsExactly("c", "c", "END", "BEGIN", "c", "c", "c", "END");
        assertThat(framed.subList(0, 2)).extracting(r -> after(r).getInt32("id")).containsExactly(2, 3);
        // BEGIN, id 4
        acknowledge(task, context, framed.subList(0, 5));
        fixture.stop(task);

        props.put("provide.transaction.metadata", "false");
        task = fixture.start(context);
        List<SourceRecord> rest = poll(task, 2);
        assertThat(rest).extracting(r -> after(r).getInt32("id")).containsExactly(5, 6);
        assertNothingMore(task);
    }

    @Test
    void withConnectorDefinedBoundariesEachKafkaTransactionEndsWithTheEndEvent() throws Exception {
        fixture.createTables("txeos", Map.of("orders", "id int PRIMARY KEY"));
        Map<String, String> props = fixture.config("txeos");
        props.put("provide.transaction.metadata", "true");
        props.put("snapshot.mode", "no_data");
        BoundaryRecordingContext context = new BoundaryRecordingContext(new StubSourceTaskContext(props));
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("txeos");
        postgres.execute("INSERT INTO txeos.orders VALUES (1), (2)", "INSERT INTO txeos.orders VALUES (3)");
        List<SourceRecord> records = poll(task, 4 + 3);
        assertThat(records).extracting(PostgresCdcEventKeysTest::op)
                .containsExactly("BEGIN", "c", "c", "END", "BEGIN", "c", "END");
        assertThat(context.committedAfter).containsExactly(records.get(3), records.get(6));
    }

    @Test
    void connectTimesAndHexBytesAreTheSameInTheSnapshotAndTheStream() throws Exception {
        fixture.createTables("tpc", Map.of("orders", "id int PRIMARY KEY, d date NOT NULL, t time, t3 time(3), "
                + "ts timestamp, ts3 timestamp(3), tz timestamptz, b bytea, ba bytea[]"));
        String row = "'2024-02-29', '23:59:59.999999', '12:00:00.123', '1969-12-31 23:59:59.999999', "
                + "'2024-01-01 00:00:00.5', '2024-01-01 00:00:00+00', '\\x00ff', '{\"\\\\x01\",NULL}'";
        postgres.execute("INSERT INTO tpc.orders VALUES (1, " + row + ")");
        Map<String, String> props = fixture.config("tpc");
        props.put("time.precision.mode", "connect");
        props.put("binary.handling.mode", "hex");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        Struct fromSnapshot = after(poll(task, 1).get(0));
        postgres.execute("INSERT INTO tpc.orders VALUES (2, " + row + ")",
                "UPDATE tpc.orders SET t = NULL, b = NULL WHERE id = 2");
        List<SourceRecord> streamed = poll(task, 2);
        Struct fromStream = after(streamed.get(0));
        assertThat(fromStream.schema()).isEqualTo(fromSnapshot.schema());
        for (Field field : fromSnapshot.schema().fields()) {
            if (!field.name().equals("id")) {
                assertThat(Objects.deepEquals(fromStream.get(field), fromSnapshot.get(field)))
                        .as("column %s: streamed %s, snapshot %s", field.name(), fromStream.get(field),
                                fromSnapshot.get(field))
                        .isTrue();
            }
        }
        assertThat(fromStream.schema().field("d").schema().name()).isEqualTo("org.apache.kafka.connect.data.Date");
        assertThat(fromStream.get("d")).isEqualTo(new Date(19_782L * 86_400_000L));
        assertThat(fromStream.schema().field("t").schema().name()).isEqualTo("org.apache.kafka.connect.data.Time");
        assertThat(fromStream.get("t")).isEqualTo(new Date(86_399_999L));
        assertThat(fromStream.get("t3")).isEqualTo(new Date(43_200_123L));
        assertThat(fromStream.schema().field("ts").schema().name())
                .isEqualTo("org.apache.kafka.connect.data.Timestamp");
        assertThat(fromStream.get("ts")).isEqualTo(new Date(-1L));
        assertThat(fromStream.get("ts3")).isEqualTo(new Date(1_704_067_200_500L));
        assertThat(fromStream.getString("tz")).isEqualTo("2024-01-01T00:00:00.000000Z");
        assertThat(fromStream.getString("b")).isEqualTo("00ff");
        assertThat(fromStream.getArray("ba")).containsExactly("01", null);
        Struct updated = after(streamed.get(1));
        assertThat(updated.get("t")).isNull();
        assertThat(updated.get("b")).isNull();
        updated.validate();
    }

    @Test
    void adaptiveTimeMicrosecondsAndUrlSafeBase64() throws Exception {
        fixture.createTables("tpm", Map.of("orders", "id int PRIMARY KEY, t3 time(3), ts3 timestamp(3), b bytea"));
        postgres.execute("INSERT INTO tpm.orders VALUES (1, '12:00:00.123', '1970-01-01 00:00:00.001', "
                + "'\\xfbffbf')");
        Map<String, String> props = fixture.config("tpm");
        props.put("time.precision.mode", "adaptive_time_microseconds");
        props.put("binary.handling.mode", "base64-url-safe");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        Struct fromSnapshot = after(poll(task, 1).get(0));
        postgres.execute("INSERT INTO tpm.orders VALUES (2, '12:00:00.123', '1970-01-01 00:00:00.001', "
                + "'\\xfbffbf')");
        Struct fromStream = after(poll(task, 1).get(0));
        for (Struct row : List.of(fromSnapshot, fromStream)) {
            assertThat(row.schema().field("t3").schema().name()).isEqualTo("io.debezium.time.MicroTime");
            assertThat(row.getInt64("t3")).isEqualTo(43_200_123_000L);
            assertThat(row.schema().field("ts3").schema().name()).isEqualTo("io.debezium.time.Timestamp");
            assertThat(row.getInt64("ts3")).isEqualTo(1L);
            assertThat(row.getString("b")).isEqualTo(Base64.getUrlEncoder()
                    .encodeToString(HexFormat.of().parseHex("fbffbf")));
        }
    }

    private static void acknowledge(PostgresCdcTask task, StubSourceTaskContext context,
            List<SourceRecord> records) {
        for (SourceRecord record : records) {
            task.commitRecord(record, null);
            context.storeOffset(record.sourcePartition(), record.sourceOffset());
        }
        task.commit();
    }

    /** A task context with connector-defined transaction boundaries that records after which record each commits. */
    private static final class BoundaryRecordingContext implements SourceTaskContext {
        private final StubSourceTaskContext stub;
        final List<SourceRecord> committedAfter = new CopyOnWriteArrayList<>();

        BoundaryRecordingContext(StubSourceTaskContext stub) {
            this.stub = stub;
        }

        @Override
        public Map<String, String> configs() {
            return stub.configs();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return stub.offsetStorageReader();
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return stub.pluginMetrics();
        }

        @Override
        public TransactionContext transactionContext() {
            return new TransactionContext() {
                @Override
                public void commitTransaction() {
                    throw new AssertionError("the task should name the record that ends the transaction");
                }

                @Override
                public void commitTransaction(SourceRecord record) {
                    committedAfter.add(record);
                }

                @Override
                public void abortTransaction() {
                    throw new AssertionError("no transaction should be aborted");
                }

                @Override
                public void abortTransaction(SourceRecord record) {
                    throw new AssertionError("no transaction should be aborted");
                }
            };
        }
    }
}
