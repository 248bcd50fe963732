package io.tributary.cdc;

import static io.tributary.cdc.CdcTaskFixture.after;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.tributary.testkit.task.StubSourceTaskContext;

/**
 * A snapshot read by three tasks together ({@code tasks.max=3}): each reads its share in the first task's exported
 * snapshot, the first task's last snapshot record and its streamed changes wait until every share is acknowledged.
 */
class PostgresCdcParallelSnapshotTest extends CdcTaskTestBase {

    private static final int ROWS = 1_000;

    /** One task of the team, polled and acknowledged (as Connect does) by {@link #pollRound}. */
    private record Member(int part, PostgresCdcTask task, StubSourceTaskContext context) {
    }

    /** A polled record and the task it came from. */
    private record Polled(int part, SourceRecord record) {
        String op() {
            return CdcTaskFixture.op(record);
        }

        String snapshotMarker() {
            return ((Struct) record.value()).getStruct("source").getString("snapshot");
        }

        String table() {
            return ((Struct) record.value()).getStruct("source").getString("table");
        }
    }

    private Map<String, String> props(String name, int part) {
        Map<String, String> props = fixture.config(name);
        props.put("snapshot.chunk.size", "50");
        props.put("snapshot.fetch.size", "50");
        props.put(PostgresCdcTask.SNAPSHOT_PART, Integer.toString(part));
        props.put(PostgresCdcTask.SNAPSHOT_PARTS, "3");
        return props;
    }

    private Member start(String name, int part) {
        StubSourceTaskContext context = new StubSourceTaskContext(props(name, part));
        return new Member(part, fixture.start(context), context);
    }

    /** Polls every member once, acknowledging what it returned, and adds it to {@code polled} in that order. */
    private static void pollRound(List<Member> members, List<Polled> polled) throws InterruptedException {
        for (Member member : members) {
            List<SourceRecord> batch = member.task().poll();
            if (batch != null) {
                CdcTaskFixture.acknowledge(member.task(), member.context(), batch);
                batch.forEach(record -> polled.add(new Polled(member.part(), record)));
            }
        }
    }

    private static void pollUntil(List<Member> members, List<Polled> polled, Predicate<List<Polled>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + CdcTaskFixture.TIMEOUT.toNanos();
        while (!done.test(polled) && System.nanoTime() < deadline) {
            pollRound(members, polled);
        }
        assertThat(done.test(polled)).as("done within %s; polled %d records", CdcTaskFixture.TIMEOUT,
                polled.size()).isTrue();
    }

    @Test
    void threeTasksShareTheSnapshotAndStreamingWaitsForEveryShare() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("orders", "id int PRIMARY KEY, note text");
        tables.put("notes", "note text");
        tables.put("small", "id int PRIMARY KEY");
        fixture.createTables("par", tables);
        postgres.execute("INSERT INTO par.orders SELECT g, 'n' || g FROM generate_series(1, " + ROWS + ") g",
                "INSERT INTO par.notes SELECT 'x' || g FROM generate_series(1, 7) g",
                "INSERT INTO par.small VALUES (1), (2), (3)");

        // Tasks 0 and 1 first: without task 2's share, task 0 must neither finish the snapshot nor stream.
        List<Member> members = new ArrayList<>(List.of(start("par", 0), start("par", 1)));
        fixture.awaitQuery("SELECT 1 FROM pg_stat_activity WHERE application_name LIKE 'tcdc/%/s/%'",
                "the first task sharing its snapshot");
        postgres.execute("INSERT INTO par.orders VALUES (" + (ROWS + 1) + ", 'after')",
                "UPDATE par.orders SET note = 'changed' WHERE id = 1");
        List<Polled> polled = new ArrayList<>();
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until || !sessionNamed("tcdc/%/d/1")) {
            pollRound(members, polled);
            assertThat(System.nanoTime() - until).as("task 1 says its share is done").isLessThan(
                    CdcTaskFixture.TIMEOUT.toNanos());
        }
        assertThat(polled).as("task 0 holds back its last snapshot record").noneMatch(
                p -> "last".equals(p.snapshotMarker()));
        assertThat(polled).as("and streams nothing").allMatch(p -> p.op().equals("r"));

        // Task 1 restarts with its share complete in its offsets: it only says so again, reading nothing twice
        // (checked below: no duplicate row), and task 0 can still finish (it waits for that word).
        Member second = members.get(1);
        fixture.stop(second.task());
        members.set(1, new Member(1, fixture.start(second.context()), second.context()));
        members.add(start("par", 2));
        pollUntil(members, polled, list -> list.stream().filter(p -> p.op().equals("u")).count() == 1
                && list.stream().filter(p -> p.op().equals("c")).count() == 1);

        List<Polled> reads = polled.stream().filter(p -> p.op().equals("r")).toList();
        assertThat(reads).hasSize(ROWS + 7 + 3);
        assertThat(reads.stream().filter(p -> p.table().equals("orders")).map(p -> after(p.record()).getInt32("id")))
                .as("every row of the split table once").hasSize(ROWS).doesNotHaveDuplicates()
                .allMatch(id -> id >= 1 && id <= ROWS);
        Map<Integer, Long> perPart = new HashMap<>();
        reads.forEach(p -> perPart.merge(p.part(), 1L, Long::sum));
        assertThat(perPart.keySet()).as("every task read a share").containsExactlyInAnyOrder(0, 1, 2);
        assertThat(reads.stream().filter(p -> p.table().equals("orders")).map(p -> after(p.record()).getString("note")))
                .as("the snapshot is as of the slot: later changes only streamed").doesNotContain("changed", "after");

        int last = indexOf(polled, p -> "last".equals(p.snapshotMarker()));
        assertThat(polled.get(last).part()).isZero();
        assertThat(polled.stream().filter(p -> "first".equals(p.snapshotMarker())).map(Polled::part))
                .containsExactly(0);
        assertThat(polled.stream().filter(p -> "last".equals(p.snapshotMarker()))).hasSize(1);
        assertThat(polled.subList(last + 1, polled.size())).as("nothing read after the snapshot's last record")
                .noneMatch(p -> p.op().equals("r"));
        assertThat(polled.subList(last + 1, polled.size())).extracting(Polled::op).containsExactly("c", "u");
        assertThat(polled.subList(last + 1, polled.size())).extracting(Polled::part).containsOnly(0);
        for (Polled read : reads.stream().filter(p -> p.part() > 0).toList()) {
            assertThat(read.record().sourcePartition()).isEqualTo(Map.of("server", "par", "snapshot_part",
                    read.part()));
        }
    }

    /** Whether a session whose application_name is LIKE {@code pattern} is open. */
    private boolean sessionNamed(String pattern) throws Exception {
        try (Connection connection = postgres.superuserConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_stat_activity WHERE application_name LIKE '"
                        + pattern + "'")) {
            return rs.next();
        }
    }

    @Test
    void aSnapshotInterruptedInTheFirstTaskStartsOverAndTheOthersReadTheirSharesOfTheNewOne() throws Exception {
        fixture.createTable("again", "id int PRIMARY KEY, note text");
        postgres.execute("INSERT INTO again.orders SELECT g, 'n' || g FROM generate_series(1, " + ROWS + ") g");
        Member first = start("again", 0);
        Member second = start("again", 1);
        List<Polled> before = new ArrayList<>();
        // Without task 2, task 0 cannot finish; task 1 reads its share of the first snapshot meanwhile.
        pollUntil(List.of(first, second), before, list -> list.stream().filter(p -> p.part() == 1).count()
                >= ROWS / 3);
        long firstLsn = lsn(before.get(0));
        fixture.stop(first.task());

        Member restarted = new Member(0, fixture.start(first.context()), first.context());
        Member third = start("again", 2);
        List<Member> members = List.of(restarted, second, third);
        List<Polled> after = new ArrayList<>();
        pollUntil(members, after, list -> list.stream().anyMatch(p -> "last".equals(p.snapshotMarker())));
        long secondLsn = lsn(after.get(after.size() - 1));
        assertThat(secondLsn).as("a new slot, so a new snapshot").isNotEqualTo(firstLsn);
        List<Polled> reads = after.stream().filter(p -> lsn(p) == secondLsn).toList();
        assertThat(reads.stream().map(p -> after(p.record()).getInt32("id")))
                .as("every row read once in the new snapshot").hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(reads.stream().map(Polled::part).distinct()).containsExactlyInAnyOrder(0, 1, 2);
    }

    private static long lsn(Polled polled) {
        return ((Struct) polled.record().value()).getStruct("source").getInt64("lsn");
    }

    private static int indexOf(List<Polled> polled, Predicate<Polled> which) {
        for (int i = 0; i < polled.size(); i++) {
            if (which.test(polled.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such record among " + polled.size());
    }
}
