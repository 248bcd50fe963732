package io.tributary.cdc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tributary.testkit.postgres.PostgresServer;

/**
 * Table {@code <schema>.orders} and its change history as PostgreSQL saw it: a trigger writes (txid, op, id, note)
 * into {@code <schema>.history}, which the connector does not capture. Changes are compared as text
 * {@code txId|op|id|note}; snapshot reads are compared without their transaction id, deletes have no note.
 */
final class ChangeHistory {

    private final PostgresServer postgres;
    private final String schema;

    ChangeHistory(PostgresServer postgres, String schema) {
        this.postgres = postgres;
        this.schema = schema;
    }

    /** Creates the table with {@code initialRows} rows (not in the history), the trigger and a publication. */
    List<String> create(int initialRows) {
        String orders = schema + ".orders";
        postgres.execute("CREATE SCHEMA " + schema,
                "CREATE TABLE " + orders + " (id int PRIMARY KEY, note text)",
                "INSERT INTO " + orders + " SELECT g, 'initial ' || g FROM generate_series(1, " + initialRows + ") g",
                "CREATE TABLE " + schema + ".history (seq bigserial, txid bigint, op text, id int, note text)",
                "CREATE FUNCTION " + schema + ".record_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "IF TG_OP = 'DELETE' THEN INSERT INTO " + schema + ".history (txid, op, id, note) "
                        + "VALUES (txid_current(), 'd', OLD.id, NULL); RETURN OLD; END IF; "
                        + "INSERT INTO " + schema + ".history (txid, op, id, note) VALUES (txid_current(), "
                        + "CASE TG_OP WHEN 'INSERT' THEN 'c' ELSE 'u' END, NEW.id, NEW.note); RETURN NEW; END $$",
                "CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON " + orders
                        + " FOR EACH ROW EXECUTE FUNCTION " + schema + ".record_change()",
                "GRANT USAGE ON SCHEMA " + schema + " TO " + postgres.replicationUser(),
                "GRANT SELECT ON " + orders + " TO " + postgres.replicationUser(),
                "CREATE PUBLICATION " + schema + " FOR TABLE " + orders);
        List<String> reads = new ArrayList<>();
        for (int id = 1; id <= initialRows; id++) {
            reads.add(change(null, "r", id, "initial " + id));
        }
        return reads;
    }

    /** Inserts rows {@code from..to}, updating every other one and deleting every fifth, one transaction per row. */
    void write(int from, int to) {
        String orders = schema + ".orders";
        for (int id = from; id <= to; id++) {
            postgres.execute("BEGIN", "INSERT INTO " + orders + " VALUES (" + id + ", 'new " + id + "')",
                    id % 2 == 0 ? "UPDATE " + orders + " SET note = 'changed " + id + "' WHERE id = " + id : "SELECT 1",
                    id % 5 == 0 ? "DELETE FROM " + orders + " WHERE id = " + (id - 1) : "SELECT 1", "COMMIT");
        }
    }

    /** Every change the trigger recorded, in order. */
    List<String> changes() {
        List<String> history = new ArrayList<>();
        try (Connection connection = postgres.superuserConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT txid, op, id, note FROM " + schema + ".history ORDER BY seq")) {
            while (rs.next()) {
                history.add(change(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + schema + ".history", e);
        }
        return history;
    }

    /** Waits until the history has at least {@code rows} entries. */
    void awaitAtLeast(int rows) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (changes().size() < rows && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** The change a record value (JsonConverter, schemas disabled) carries. */
    static String change(JsonNode value) {
        String op = value.path("op").asText();
        JsonNode row = "d".equals(op) ? value.path("before") : value.path("after");
        // A snapshot read's txId is the snapshot transaction's (as in Debezium), which the history does not know.
        JsonNode txId = "r".equals(op) ? null : value.path("source").path("txId");
        JsonNode note = row.path("note");
        return change(txId == null || txId.isNull() ? null : txId.asLong(), op, row.path("id").asInt(),
                note.isNull() ? null : note.asText());
    }

    private static String change(Long txId, String op, int id, String note) {
        return txId + "|" + op + "|" + id + "|" + note;
    }
}
