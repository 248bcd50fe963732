package io.tributary.cdc;

import static io.tributary.cdc.CdcTaskFixture.acknowledge;
import static io.tributary.cdc.CdcTaskFixture.after;
import static io.tributary.cdc.CdcTaskFixture.assertNothingMore;
import static io.tributary.cdc.CdcTaskFixture.op;
import static io.tributary.cdc.CdcTaskFixture.poll;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.tributary.testkit.task.StubSourceTaskContext;

/**
 * The task when the database fails it: a PostgreSQL restart, a slot dropped or invalidated under it, privileges
 * revoked. Each either recovers without loss or fails saying what happened and what to do.
 */
class PostgresCdcFailureTest extends CdcTaskTestBase {

    private static List<Integer> ids(List<SourceRecord> records) {
        return records.stream().map(r -> after(r).getInt32("id")).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    /** Polls until the task reports its reader's failure; fails the test if it keeps running. */
    private static ConnectException failure(PostgresCdcTask task) throws InterruptedException {
        long deadline = System.nanoTime() + CdcTaskFixture.TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                task.poll();
            } catch (ConnectException e) {
                return e;
            }
        }
        throw new AssertionError("The task did not fail within " + CdcTaskFixture.TIMEOUT);
    }

    @Test
    void aPostgresRestartMidStreamLosesAndRepeatsNothing() throws Exception {
        fixture.createTable("restart", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("restart");
        props.put("snapshot.mode", "no_data");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("restart");
        postgres.execute("INSERT INTO restart.orders SELECT generate_series(1, 10)");
        List<SourceRecord> records = new ArrayList<>(poll(task, 10));
        acknowledge(task, context, records);
        postgres.execute("INSERT INTO restart.orders SELECT generate_series(11, 15)");

        postgres.restart();
        postgres.execute("INSERT INTO restart.orders SELECT generate_series(16, 20)");
        records.addAll(poll(task, 10));

        assertThat(ids(records)).containsExactlyElementsOf(range(1, 20));
        assertNothingMore(task);
        fixture.awaitSlot("restart");
    }

    @Test
    void aSlotDroppedWhileStreamingFailsTheTaskSayingWhatToDo() throws Exception {
        fixture.createTable("dropped", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("dropped");
        props.put("snapshot.mode", "no_data");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        fixture.awaitSlot("dropped");
        postgres.execute("INSERT INTO dropped.orders VALUES (1)");
        poll(task, 1);

        postgres.dropSlotForcibly("dropped");

        assertThat(failure(task)).hasMessageContaining("Replication slot 'dropped' no longer exists")
                .hasMessageContaining("snapshot.mode=when_needed");
    }

    @Test
    void underWhenNeededADroppedSlotIsReplacedByANewSnapshot() throws Exception {
        fixture.createTable("renewed", "id int PRIMARY KEY");
        postgres.execute("INSERT INTO renewed.orders VALUES (1), (2)");
        Map<String, String> props = fixture.config("renewed");
        props.put("snapshot.mode", "when_needed");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        List<SourceRecord> first = poll(task, 2);
        acknowledge(task, context, first);
        fixture.awaitSlot("renewed");
        postgres.execute("INSERT INTO renewed.orders VALUES (3)");
        acknowledge(task, context, poll(task, 1));

        postgres.dropSlotForcibly("renewed");
        postgres.execute("INSERT INTO renewed.orders VALUES (4)");

        List<SourceRecord> resnapshot = poll(task, 4);
        assertThat(resnapshot).extracting(CdcTaskFixture::op).containsOnly("r");
        assertThat(ids(resnapshot)).containsExactlyElementsOf(range(1, 4));
        fixture.awaitSlot("renewed");
        postgres.execute("INSERT INTO renewed.orders VALUES (5)");
        SourceRecord streamed = poll(task, 1).get(0);
        assertThat(op(streamed)).isEqualTo("c");
        assertThat(after(streamed).getInt32("id")).isEqualTo(5);
    }

    @Test
    void anInvalidatedSlotFailsTheTaskSayingWhatToDo() throws Exception {
        fixture.createTable("invalid", "id int PRIMARY KEY");
        postgres.execute("CREATE TABLE invalid.filler (n int)");
        Map<String, String> props = fixture.config("invalid");
        props.put("snapshot.mode", "no_data");
        StubSourceTaskContext context = new StubSourceTaskContext(props);
        PostgresCdcTask task = fixture.start(context);
        fixture.awaitSlot("invalid");
        postgres.execute("INSERT INTO invalid.orders VALUES (1)");
        acknowledge(task, context, poll(task, 1));
        fixture.stopTasks();
        try {
            postgres.execute("ALTER SYSTEM SET max_slot_wal_keep_size = '1MB'", "SELECT pg_reload_conf()");
            for (int i = 0; i < 4; i++) {
                postgres.execute("INSERT INTO invalid.filler SELECT generate_series(1, 1000)",
                        "SELECT pg_switch_wal()");
            }
            postgres.execute("CHECKPOINT");
            fixture.awaitQuery("SELECT 1 FROM pg_replication_slots WHERE slot_name = 'invalid' "
                    + "AND wal_status = 'lost'", "slot 'invalid' to be invalidated");

            PostgresCdcTask restarted = fixture.start(context);
            assertThat(failure(restarted)).hasMessageContaining("Replication slot 'invalid' was invalidated")
                    .hasMessageContaining("max_slot_wal_keep_size").hasMessageContaining("snapshot.mode=when_needed");
        } finally {
            postgres.execute("ALTER SYSTEM RESET max_slot_wal_keep_size", "SELECT pg_reload_conf()");
        }
    }

    @Test
    void revokedReplicationFailsTheTaskNamingTheRoleAndWhatItNeeds() throws Exception {
        fixture.createTable("revoked", "id int PRIMARY KEY");
        Map<String, String> props = fixture.config("revoked");
        props.put("snapshot.mode", "no_data");
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(props));
        fixture.awaitSlot("revoked");
        try {
            postgres.execute("ALTER ROLE " + postgres.replicationUser() + " NOREPLICATION",
                    "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = 'revoked'");
            assertThat(failure(task)).hasMessageContaining("refused role '" + postgres.replicationUser() + "'")
                    .hasMessageContaining("REPLICATION");
        } finally {
            postgres.execute("ALTER ROLE " + postgres.replicationUser() + " REPLICATION");
        }
    }

    @Test
    void revokedSelectFailsTheSnapshotNamingTheTable() throws Exception {
        fixture.createTable("noselect", "id int PRIMARY KEY");
        postgres.execute("INSERT INTO noselect.orders VALUES (1)",
                "REVOKE SELECT ON noselect.orders FROM " + postgres.replicationUser());
        PostgresCdcTask task = fixture.start(new StubSourceTaskContext(fixture.config("noselect")));
        assertThat(failure(task)).hasMessageContaining("refused role '" + postgres.replicationUser() + "'")
                .hasMessageContaining("orders").hasMessageContaining("SELECT on the captured tables");
    }
}
