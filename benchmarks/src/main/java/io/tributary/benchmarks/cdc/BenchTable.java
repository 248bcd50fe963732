package io.tributary.benchmarks.cdc;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The captured table of the CDC benchmarks: its DDL, the SQL that fills a range of ids, and the same values computed
 * in Java so that the ceiling connector emits rows identical to the ones the CDC connectors read.
 *
 * <p>The columns mix what an order table has: a bigint key, an int, a numeric(12,2), a short varchar, a text of about
 * 30 characters and a timestamptz.
 */
public final class BenchTable {

    public static final String SCHEMA = "public";
    public static final String NAME = "bench_rows";
    public static final String QUALIFIED_NAME = SCHEMA + "." + NAME;

    static final String DDL = "CREATE TABLE " + QUALIFIED_NAME + " ("
            + "id bigint PRIMARY KEY, "
            + "account_id integer NOT NULL, "
            + "amount numeric(12,2) NOT NULL, "
            + "status varchar(16) NOT NULL, "
            + "note text, "
            + "created_at timestamptz NOT NULL)";

    private static final String[] STATUSES = {"new", "paid", "shipped", "cancelled"};
    private static final Instant CREATED_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private BenchTable() {
    }

    /** The topic a connector with this {@code topic.prefix} writes the table's changes to. */
    public static String topic(String topicPrefix) {
        return topicPrefix + "." + QUALIFIED_NAME;
    }

    /** One statement (one transaction in auto-commit) inserting rows {@code firstId..lastId}, built server-side. */
    static String insertRange(long firstId, long lastId) {
        if (firstId < 1 || lastId < firstId) {
            throw new IllegalArgumentException("Not an id range: " + firstId + ".." + lastId);
        }
        return "INSERT INTO " + QUALIFIED_NAME + " SELECT g, g % 10000, (g % 100000) / 100.0, "
                + "(ARRAY['new','paid','shipped','cancelled'])[g % 4 + 1], "
                + "'order ' || g || ' for account ' || (g % 10000), "
                + "timestamptz '2026-01-01 00:00:00+00' + g * interval '1 millisecond' "
                + "FROM generate_series(" + firstId + ", " + lastId + ") AS g";
    }

    // The values insertRange() writes, for the ceiling connector.

    public static int accountId(long id) {
        return (int) (id % 10_000);
    }

    public static BigDecimal amount(long id) {
        return BigDecimal.valueOf(id % 100_000, 2);
    }

    public static String status(long id) {
        return STATUSES[(int) (id % 4)];
    }

    public static String note(long id) {
        return "order " + id + " for account " + (id % 10_000);
    }

    public static Instant createdAt(long id) {
        return CREATED_EPOCH.plusMillis(id);
    }
}
