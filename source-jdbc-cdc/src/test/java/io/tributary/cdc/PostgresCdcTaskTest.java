package io.tributary.cdc;

import io.tributary.testkit.task.StubSourceTaskContext;
import static io.tributary.cdc.CdcTaskFixture.acknowledge;
import static io.tributary.cdc.CdcTaskFixture.after;
import static io.tributary.cdc.CdcTaskFixture.assertNothingMore;
import static io.tributary.cdc.CdcTaskFixture.op;
import static io.tributary.cdc.CdcTaskFixture.poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.event.ChangeEventFactory;

/** The task against a real PostgreSQL, as the least-privilege replication role, with a stub task context. */
class PostgresCdcTaskTest extends CdcTaskTestBase {

    @Test
    void snapshotThenStreamsInsertsUpdatesAndDeletesAndResumesAfterARestart() throws Exception {
        fixture.createTable("flow", "id int PRIMARY KEY, note text, amount numeric(10,2), at timestamptz, big text");
        postgres.execute("INSERT INTO flow.orders VALUES (1, 'one', 1.50, '2024-01-01 00:00:00.123456+00', null), "
                + "(2, 'two', 2.00, null, null), (3, 'three', null, null, null)");
        StubSourceTaskContext context = new StubSourceTaskContext(fixture.config("flow"));
        PostgresCdcTask task = fixture.start(context);

        List<SourceRecord> snapshot = poll(task, 3);
        assertThat(snapshot).extracting(CdcTaskFixture::op).containsOnly("r");
        assertThat(snapshot).extracting(r -> after(r).getInt32("id")).containsExactly(1, 2, 3);
        assertThat(snapshot).extracting(r -> ((Struct) r.value()).getStruct("source").getString("snapshot"))
                .containsExactly("first", "true", "last");
        assertThat(after(snapshot.get(0)).get("amount")).isEqualTo(new java.math.BigDecimal("1.50"));
        assertThat(after(snapshot.get(0)).getString("at")).isEqualTo("2024-01-01T00:00:00.123456Z");
        assertThat(snapshot.get(0).topic()).isEqualTo("flow.flow.orders");
        acknowledge(task, context, snapshot);

        postgres.execute("INSERT INTO flow.orders VALUES (4, 'four', 4.25, '2024-06-01 12:00:00+02', null)",
                "UPDATE flow.orders SET note = 'uno' WHERE id = 1",
                "DELETE FROM flow.orders WHERE id = 2");
        List<SourceRecord> changes = poll(task, 4);
        assertThat(changes).extracting(CdcTaskFixture::op).containsExactly("c", "u", "d", "tombstone");
        assertThat(after(changes.get(0)).getString("at")).isEqualTo("2024-06-01T10:00:00.000000Z");
        assertThat(after(changes.get(1)).getString("note")).isEqualTo("uno");
        assertThat(((Struct) changes.get(2).value()).getStruct("before").getInt32("id")).isEqualTo(2);
        assertThat(((Struct) changes.get(3).key()).getInt32("id")).isEqualTo(2);
        Struct source = ((Struct) changes.get(0).value()).getStruct("source");
        assertThat(source.getString("snapshot")).isEqualTo("false");
        assertThat(source.getInt64("txId")).isPositive();
        assertThat(source.getInt64("lsn")).isPositive();
        assertMetrics("flow");
        acknowledge(task, context, changes);
        long acknowledgedLsn = (Long) changes.get(3).sourceOffset().get("lsn_commit");
        fixture.awaitConfirmedFlushBeyond("flow", acknowledgedLsn);

        fixture.stop(task);
        postgres.execute("INSERT INTO flow.orders VALUES (5, 'five', null, null, null)");
        PostgresCdcTask restarted = fixture.start(context);
        List<SourceRecord> afterRestart = poll(restarted, 1);
        assertThat(afterRestart).extracting(r -> after(r).getInt32("id")).containsExactly(5);
        assertNothingMore(restarted);
    }

    @Test
    void resumesInsideATransactionWhoseRecordsWereNotAllAcknowledged() throws Exception {
        fixture.createTable("txn", "id int PRIMARY KEY");
        StubSourceTaskContext context = new StubSourceTaskContext(fixture.config("txn"));
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("txn");
        postgres.execute("BEGIN; INSERT INTO txn.orders VALUES (1), (2), (3); COMMIT");
        List<SourceRecord> records = poll(task, 3);
        acknowledge(task, context, records.subList(0, 1));
        fixture.stop(task);

        PostgresCdcTask restarted = fixture.start(context);
        List<SourceRecord> resumed = poll(restarted, 2);
        assertThat(resumed).extracting(r -> after(r).getInt32("id")).containsExactly(2, 3);
        assertThat(resumed).extracting(SourceRecord::sourceOffset)
                .containsExactly(records.get(1).sourceOffset(), records.get(2).sourceOffset());
        assertNothingMore(restarted);
    }

    @Test
    void unchangedToastColumnsAreNullAndNamedInAHeader() throws Exception {
        fixture.createTable("toast", "id int PRIMARY KEY, n int, big text NOT NULL");
        postgres.execute("ALTER TABLE toast.orders ALTER COLUMN big SET STORAGE EXTERNAL",
                "INSERT INTO toast.orders VALUES (1, 0, repeat('x', 10000))");
        Map<String, String> props = fixture.config("toast");
        props.put("snapshot.mode", "no_data");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("toast");
        postgres.execute("UPDATE toast.orders SET n = 1 WHERE id = 1");
        SourceRecord update = poll(task, 1).get(0);
        assertThat(op(update)).isEqualTo("u");
        assertThat(after(update).get("big")).as("NOT NULL, yet no made-up value").isNull();
        assertThat(after(update).schema().field("big").schema().isOptional()).isTrue();
        assertThat(after(update).getInt32("n")).isEqualTo(1);
        Header header = update.headers().lastWithName(ChangeEventFactory.UNCHANGED_COLUMNS_HEADER);
        assertThat(header.value()).isEqualTo("big");

        postgres.execute("ALTER TABLE toast.orders REPLICA IDENTITY FULL", "UPDATE toast.orders SET n = 2");
        SourceRecord full = poll(task, 1).get(0);
        assertThat(after(full).getString("big")).hasSize(10000);
        assertThat(full.headers().lastWithName(ChangeEventFactory.UNCHANGED_COLUMNS_HEADER)).isNull();
    }

    @Test
    void excludedColumnsAreInNeitherTheSnapshotNorTheStream() throws Exception {
        fixture.createTable("cols", "id int PRIMARY KEY, name text, secret text");
        postgres.execute("INSERT INTO cols.orders VALUES (1, 'a', 'hidden')");
        Map<String, String> props = fixture.config("cols");
        props.put("column.exclude.list", "cols\\.orders\\.secret");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        List<SourceRecord> records = new ArrayList<>(poll(task, 1));
        postgres.execute("INSERT INTO cols.orders VALUES (2, 'b', 'hidden')");
        records.addAll(poll(task, 1));
        for (SourceRecord record : records) {
            assertThat(after(record).schema().fields()).extracting(f -> f.name()).containsExactly("id", "name");
        }
    }

    @Test
    void heartbeatsRepeatTheLastPositionBetweenTransactions() throws Exception {
        fixture.createTable("hb", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("hb");
        props.put("snapshot.mode", "no_data");
        props.put("heartbeat.interval.ms", "100");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("hb");
        postgres.execute("INSERT INTO hb.orders VALUES (1)");
        SourceRecord insert = null;
        SourceRecord heartbeatAfterInsert = null;
        long deadline = System.nanoTime() + CdcTaskFixture.TIMEOUT.toNanos();
        while (heartbeatAfterInsert == null && System.nanoTime() < deadline) {
            List<SourceRecord> batch = task.poll();
            for (SourceRecord record : batch == null ? List.<SourceRecord>of() : batch) {
                if (record.topic().equals("hb.hb.orders")) {
                    insert = record;
                } else if (insert != null) {
                    heartbeatAfterInsert = record;
                }
            }
        }
        assertThat(heartbeatAfterInsert).as("a heartbeat after the insert").isNotNull();
        assertThat(heartbeatAfterInsert.topic()).isEqualTo("__debezium-heartbeat.hb");
        assertThat(((Struct) heartbeatAfterInsert.key()).getString("serverName")).isEqualTo("hb");
        assertThat(((Struct) heartbeatAfterInsert.value()).getInt64("ts_ms")).isPositive();
        assertThat(heartbeatAfterInsert.sourceOffset()).isEqualTo(insert.sourceOffset());
        acknowledge(task, context, List.of(insert, heartbeatAfterInsert));
        fixture.awaitConfirmedFlushBeyond("hb", (Long) insert.sourceOffset().get("lsn_commit"));
    }

    @Test
    void schemaChangesShowInTheNextEvent() throws Exception {
        fixture.createTable("ddl", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("ddl");
        props.put("snapshot.mode", "no_data");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        fixture.awaitSlot("ddl");
        postgres.execute("INSERT INTO ddl.orders VALUES (1)", "ALTER TABLE ddl.orders ADD COLUMN tag varchar(5)",
                "INSERT INTO ddl.orders VALUES (2, 'new')");
        List<SourceRecord> records = poll(task, 2);
        assertThat(after(records.get(0)).schema().field("tag")).isNull();
        assertThat(after(records.get(1)).getString("tag")).isEqualTo("new");

        postgres.execute("ALTER TABLE ddl.orders ALTER COLUMN tag TYPE bigint USING 42",
                "INSERT INTO ddl.orders VALUES (3, 7)",
                "ALTER TABLE ddl.orders DROP COLUMN tag", "INSERT INTO ddl.orders VALUES (4)");
        records = poll(task, 2);
        assertThat(after(records.get(0)).getInt64("tag")).as("type change").isEqualTo(7L);
        assertThat(after(records.get(1)).schema().field("tag")).as("dropped column").isNull();
        assertThat(after(records.get(1)).getInt32("id")).isEqualTo(4);
    }

    @Test
    void anIdleSlotAdvancesWhenOnlyUncapturedTablesChange() throws Exception {
        fixture.createTable("idle", "id int PRIMARY KEY");
        postgres.execute("CREATE TABLE idle.other (id int)");
        Map<String, String> props = fixture.config("idle");
        props.put("snapshot.mode", "no_data");
        props.put("status.update.interval.ms", "200");
        fixture.start(new StubSourceTaskContext(props));
        fixture.awaitSlot("idle");
        long before = currentWalLsn();
        postgres.execute("INSERT INTO idle.other SELECT generate_series(1, 1000)");
        fixture.awaitConfirmedFlushBeyond("idle", before);
    }

    @Test
    void reconnectsAfterTheReplicationConnectionIsKilledWithoutLossOrRepeats() throws Exception {
        fixture.createTable("lost", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("lost");
        props.put("snapshot.mode", "no_data");
        props.put("retriable.restart.connector.wait.ms", "200");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        fixture.awaitSlot("lost");
        postgres.execute("INSERT INTO lost.orders SELECT generate_series(1, 10)");
        List<SourceRecord> records = new ArrayList<>(poll(task, 10));
        postgres.execute("BEGIN", "INSERT INTO lost.orders SELECT generate_series(11, 20)", "COMMIT",
                "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'lost'");
        postgres.execute("INSERT INTO lost.orders SELECT generate_series(21, 30)");
        records.addAll(poll(task, 20));
        assertThat(records).extracting(r -> after(r).getInt32("id"))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        assertNothingMore(task);
    }

    /** Every mapped type, at its limits, NULL, then the same values streamed: both must give equal rows. */
    @Test
    void typesHaveTheSameValuesInTheSnapshotAndInTheStream() throws Exception {
        postgres.execute("CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN public.positive AS bigint CHECK (VALUE > 0)");
        fixture.createTable("types", "id int PRIMARY KEY, i2 smallint, i4 integer, i8 bigint, n numeric(12,3), nu numeric, "
                + "r real, d double precision, b boolean, t text, vc varchar(10), c char(3), ba bytea, dt date, "
                + "tm time, tm3 time(3), ts timestamp, ts3 timestamp(3), tz timestamptz, ttz timetz, iv interval, "
                + "u uuid, j json, jb jsonb, x xml, ia int[], ta text[], m public.mood, p public.positive, "
                + "ip inet, cd cidr, mac macaddr, mo money, pt point");
        String limits = "-32768, 2147483647, -9223372036854775808, 123456789.125, -0.000000001, 'NaN', "
                + "'-Infinity', true, 'tëxt', 'varchar', 'ab', '\\x00ff', '0001-01-01 BC', '23:59:59.999999', "
                + "'12:00:00.123', '9999-12-31 23:59:59.999999', '1970-01-01 00:00:00.001', "
                + "'2024-02-29 12:34:56.789012+05:30', '10:00:00+02', '1 year 2 mons -3 days 04:05:06.7', "
                + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"k\": [1, 2]}', '{\"k\": null}', '<a>b</a>', "
                + "'{1,NULL,3}', '{\"x y\",z}', 'happy', 42, '10.0.0.1/8', '10.0.0.0/8', '08:00:2b:01:02:03', "
                + "'-12.34', '(1,2)'";
        postgres.execute("INSERT INTO types.orders VALUES (1, " + limits + ")",
                "INSERT INTO types.orders (id) VALUES (2)");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(fixture.config("types")));
        List<SourceRecord> snapshot = poll(task, 2);
        postgres.execute("INSERT INTO types.orders VALUES (3, " + limits + ")",
                "INSERT INTO types.orders (id) VALUES (4)");
        List<SourceRecord> streamed = poll(task, 2);

        for (int i = 0; i < 2; i++) {
            Struct fromSnapshot = after(snapshot.get(i));
            Struct fromStream = after(streamed.get(i));
            for (org.apache.kafka.connect.data.Field field : fromSnapshot.schema().fields()) {
                if (!field.name().equals("id")) {
                    Object streamedValue = fromStream.get(field.name());
                    Object snapshotValue = fromSnapshot.get(field.name());
                    assertThat(java.util.Objects.deepEquals(streamedValue, snapshotValue))
                            .as("column %s: streamed %s, snapshot %s", field.name(), streamedValue, snapshotValue)
                            .isTrue();
                }
            }
            assertThat(fromStream.schema()).isEqualTo(fromSnapshot.schema());
        }
        Struct row = after(streamed.get(0));
        assertThat(row.get("n")).isEqualTo(new java.math.BigDecimal("123456789.125"));
        assertThat(row.get("d")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(row.get("r")).isEqualTo(Float.NaN);
        assertThat(row.getString("tz")).isEqualTo("2024-02-29T07:04:56.789012Z");
        assertThat(row.getString("ttz")).isEqualTo("08:00:00Z");
        assertThat(row.getInt64("ts")).isEqualTo(253_402_300_799_999_999L);
        assertThat(row.getInt64("ts3")).isEqualTo(1L);
        assertThat(row.getInt32("tm3")).isEqualTo(43_200_123);
        assertThat((byte[]) row.get("ba")).containsExactly(0, 0xff);
        assertThat(row.getString("m")).isEqualTo("happy");
        assertThat(row.getInt64("p")).isEqualTo(42L);
        assertThat(row.getArray("ia")).containsExactly(1, null, 3);
        assertThat(row.getArray("ta")).containsExactly("x y", "z");
        assertThat(row.get("mo")).isEqualTo(new java.math.BigDecimal("-12.34"));
        assertThat(row.getInt64("iv")).isEqualTo(14 * 2_629_800_000_000L - 3 * 86_400_000_000L + 14_706_700_000L);
        assertThat(row.getString("pt")).isEqualTo("(1,2)");
        assertThat(row.getString("c")).isEqualTo("ab ");
        Struct nulls = after(streamed.get(1));
        assertThat(nulls.schema().fields()).allSatisfy(f -> assertThat(f.name().equals("id") || nulls.get(f) == null)
                .isTrue());
    }

    private long currentWalLsn() throws Exception {
        try (Connection connection = postgres.superuserConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return io.tributary.cdc.Lsn.parse(rs.getString(1));
        }
    }

    /** Debezium's MBean names and attributes, after 3 snapshot rows and 4 streamed records. */
    private static void assertMetrics(String server) throws Exception {
        javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        javax.management.ObjectName streaming = new javax.management.ObjectName(
                "debezium.postgres:type=connector-metrics,context=streaming,server=" + server);
        javax.management.ObjectName snapshot = new javax.management.ObjectName(
                "debezium.postgres:type=connector-metrics,context=snapshot,server=" + server);
        assertThat(jmx.getAttribute(streaming, "TotalNumberOfEventsSeen")).isEqualTo(4L);
        // the reader counts a transaction when it reads its commit, which may follow the poll of its last record
        long deadline = System.nanoTime() + CdcTaskFixture.TIMEOUT.toNanos();
        while (!Long.valueOf(3L).equals(jmx.getAttribute(streaming, "NumberOfCommittedTransactions"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(jmx.getAttribute(streaming, "NumberOfCommittedTransactions")).isEqualTo(3L);
        assertThat(jmx.getAttribute(streaming, "Connected")).isEqualTo(true);
        assertThat(jmx.getAttribute(streaming, "QueueTotalCapacity")).isEqualTo(8192);
        assertThat((Long) jmx.getAttribute(streaming, "MilliSecondsBehindSource")).isNotNegative();
        assertThat((Long) jmx.getAttribute(streaming, "SlotLagBytes")).isNotNegative();
        assertThat(jmx.getAttribute(snapshot, "SnapshotCompleted")).isEqualTo(true);
        assertThat(jmx.getAttribute(snapshot, "TotalTableCount")).isEqualTo(1);
        assertThat(jmx.getAttribute(snapshot, "RemainingTableCount")).isEqualTo(0);
        javax.management.openmbean.TabularData rows =
                (javax.management.openmbean.TabularData) jmx.getAttribute(snapshot, "RowsScanned");
        assertThat(rows.get(new Object[] {server + ".orders"}).get("value")).isEqualTo(3L);
    }
}
