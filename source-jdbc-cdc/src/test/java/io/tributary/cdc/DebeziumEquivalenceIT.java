package io.tributary.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.testkit.ProjectLayout;
import io.tributary.testkit.connect.ConnectCluster;

/**
 * The drop-in promise: Debezium 3.6.1's PostgreSQL connector and ours capture the same changes of one table covering
 * many column types (a snapshot, then inserts, updates, a key change and deletes, some under REPLICA IDENTITY FULL),
 * and the records they give, keys and values with their schemas (JsonConverter), are equal change by change: through
 * Debezium's own {@code ExtractNewRecordState} (loaded from Debezium's plugin folder) with its defaults, with rewritten
 * deletes and added fields, and without any SMT (whole envelopes). Both plugins load only through plugin.path: ours
 * packaged, Debezium's from {@code benchmark-peers/target/plugin}.
 */
class DebeziumEquivalenceIT extends CdcConnectItBase {

    private static final String OURS = "io.tributary.cdc.PostgresCdcConnector";
    private static final String DEBEZIUM = "io.debezium.connector.postgresql.PostgresConnector";
    private static final String UNWRAP = "io.debezium.transforms.ExtractNewRecordState";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String COLUMNS = "id int PRIMARY KEY, "
            + "sm smallint, big bigint NOT NULL, r real, dp double precision, "
            + "n numeric(10,2) NOT NULL, nu numeric, m money, "
            + "flag boolean, txt text NOT NULL, vc varchar(20), ch char(5), "
            + "b bytea, "
            + "d date, t time, t3 time(3), ts timestamp NOT NULL, ts3 timestamp(3), "
            + "tstz timestamptz, tstz3 timestamptz(3), ttz timetz, iv interval, "
            + "u uuid, j json, jb jsonb, x xml, ip inet, mac macaddr, "
            + "ia int[], ta text[], mood %s.mood";

    /** NOT NULL columns of {@link #COLUMNS} whose storage lets PostgreSQL TOAST their values. */
    private static final Set<String> TOASTABLE_NOT_NULL = Set.of("n", "txt");

    private static final String[] SNAPSHOT_ROWS = {
        "(1, 1, 1, 1.5, 2.25, 12.34, 3.14159, 9.99, true, 'one', 'v1', 'ab', '\\x00ff', "
                + "'2024-02-29', '10:11:12.123456', '10:11:12.123', '2024-02-29 10:11:12.123456', "
                + "'2024-02-29 10:11:12.123', '2024-02-29 10:11:12.123456+02', '2024-02-29 10:11:12.1+00', "
                + "'10:11:12.5+05:30', '1 year 2 months 3 days 04:05:06.789', "
                + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}', '{\"b\": [1, 2]}', '<a>x</a>', "
                + "'192.168.0.1', '08:00:2b:01:02:03', '{1,2,3}', '{\"x\",\"y z\"}', 'happy')",
        "(2, -32768, 9223372036854775807, 'NaN', '-Infinity', -99999999.99, 0, -92233720368547758.08, false, "
                + "'', '', 'a', '', '0001-01-01', '00:00:00', '23:59:59.999', '1970-01-01 00:00:00', "
                + "'1969-12-31 23:59:59.999', '2024-01-01 00:00:00+00', '1999-12-31 23:59:59.999-08', "
                + "'00:00:00+00', '-1 days', '00000000-0000-0000-0000-000000000000', '[]', '{}', '<b/>', "
                + "'::1', 'ff:ff:ff:ff:ff:ff', '{}', '{}', 'sad')",
        "(3, NULL, 0, NULL, NULL, 0, NULL, NULL, NULL, 'nulls', NULL, NULL, NULL, NULL, NULL, NULL, "
                + "'2000-01-01 00:00:00.000001', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "NULL, NULL, NULL)",
    };

    /**
     * Temporal values at their limits, captured next to {@code kinds} by the tests of the time precision modes:
     * infinite and BC timestamps, {@code 24:00:00} (also in arrays), microsecond digits, timestamps outside what 64
     * bits of nanoseconds hold, arrays, and NOT NULL columns whose zero values show in a key-only before image. Not
     * infinite or BC dates: Debezium 3.6.1 emits them differently in a snapshot and in streaming (and BC dates of a
     * snapshot as AD), so there is no one behaviour to match; ours is its streaming one for BC dates.
     */
    private static final String LIMIT_COLUMNS = "id int PRIMARY KEY, d date, dr date NOT NULL, t time, "
            + "tr time NOT NULL, t0 time(0), t6 time(6), ts timestamp, ts0 timestamp(0), ts6 timestamp(6), "
            + "tstz timestamptz, ttz timetz, iv interval, da date[], ta time[], tsa timestamp[], tstza timestamptz[]";

    private static final String[] LIMIT_ROWS = {
        "(1, '0001-01-01', '2024-02-29', '24:00:00', '00:00:00', '23:59:59', '23:59:59.999999', 'infinity', "
                + "'-infinity', '2024-02-29 10:11:12.000001', 'infinity', '24:00:00+00', "
                + "'-1 year -2 months 3 days', '{2024-02-29,NULL,9999-12-31}', '{24:00:00,00:00:00.5}', "
                + "'{\"2024-02-29 10:11:12.5\",-infinity}', '{\"2024-02-29 10:11:12.5+02\"}')",
        "(2, '9999-12-31', '1677-09-21', '00:00:00', '12:00:00.000001', '00:00:00', '00:00:00.000001', "
                + "'0044-03-15 12:00:00.5 BC', '0001-01-01 00:00:00', '9999-12-31 23:59:59.999999', '-infinity', "
                + "'00:00:00-08', '1 mon', '{0001-01-01}', '{}', '{\"1970-01-01 00:00:00\"}', NULL)",
        "(3, NULL, '1970-01-01', NULL, '23:59:59.999999', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "NULL, NULL, NULL)",
    };

    /** Ours packaged, and Debezium's plugin folder from {@code benchmark-peers}. */
    @Override
    protected ConnectCluster.Builder cluster() {
        Path debezium = ProjectLayout.root().resolve("benchmark-peers/target/plugin/debezium-connector-postgres");
        assertThat(debezium).as("Debezium's plugin folder; build it with ./mvnw install -pl benchmark-peers")
                .isDirectory();
        return super.cluster().pluginDirectory(debezium);
    }

    @Test
    void extractNewRecordStateGivesTheSameRows() throws Exception {
        assertSameRows("unwrap", Map.of());
    }

    /**
     * Deletes rewritten as rows flagged {@code __deleted}, with the change's op, table, LSN and commit time added. A
     * snapshot row's LSN and time are its own connector's (each has its own slot and snapshot), so only theirs are
     * not compared.
     */
    @Test
    void rewrittenDeletesWithAddedFieldsAreTheSame() throws Exception {
        assertSameRows("rewrite", Map.of("delete.tombstone.handling.mode", "rewrite",
                "add.fields", "op,table,lsn,source.ts_ms"));
    }

    /**
     * Without the SMT: the whole change events, envelope and {@code source} included, except what is each
     * connector's own: its version, processing times, and a snapshot record's position and time.
     */
    @Test
    void changeEventsAreTheSameWithoutTheSmt() throws Exception {
        assertSameRows("raw", null);
    }

    /**
     * Whole change events (no SMT) with {@code provide.transaction.metadata=true} on both: transaction blocks and the
     * BEGIN/END events of the transaction topic, whose ids and times come from the WAL; with every time as MicroTime
     * ({@code adaptive_time_microseconds}) and bytea as Base64 strings.
     */
    @Test
    void transactionMetadataMicrosecondTimesAndBase64BytesAreTheSame() throws Exception {
        assertSameRows("txmeta", null, Map.of("provide.transaction.metadata", "true",
                "time.precision.mode", "adaptive_time_microseconds", "binary.handling.mode", "base64"));
    }

    /**
     * Through the SMT, record keys from {@code message.key.columns}, including the key change a changed primary key
     * makes (whose old row holds only the primary key), with Kafka Connect's own temporal types and hex strings for
     * bytea ({@code time.precision.mode=connect}, {@code binary.handling.mode=hex}). The key value exercises
     * Debezium's reading: columns out of table order, names ignoring case, a column regex, two matching entries.
     */
    @Test
    void messageKeyColumnsConnectTimesAndHexBytesAreTheSame() throws Exception {
        assertSameRows("keys", Map.of(), Map.of("message.key.columns", "EQ_KEYS\\.kinds:TXT;eq_keys\\..*:b.g",
                "time.precision.mode", "connect", "binary.handling.mode", "hex"));
    }

    /**
     * Whole change events with {@code time.precision.mode=isostring}: date, time and timestamp as ISO-8601 strings
     * ({@code io.debezium.time.IsoDate}, {@code IsoTime}, {@code IsoTimestamp}), also at their limits.
     */
    @Test
    void isoStringTimesAreTheSame() throws Exception {
        assertSameRows("iso", null, Map.of("time.precision.mode", "isostring"), true);
    }

    /**
     * Through the SMT, {@code time.precision.mode=microseconds}: every time {@code MicroTime}, every timestamp
     * {@code MicroTimestamp} whatever the column's precision, also at their limits.
     */
    @Test
    void microsecondTimesAreTheSame() throws Exception {
        assertSameRows("micros", Map.of(), Map.of("time.precision.mode", "microseconds"), true);
    }

    /**
     * Whole change events with {@code time.precision.mode=nanoseconds}: {@code NanoTime} and {@code NanoTimestamp},
     * also at their limits, where timestamps beyond what 64 bits of nanoseconds hold are null as in Debezium. Table
     * {@code kinds} is under REPLICA IDENTITY FULL from the start: Debezium 3.6.1 fails on a key-only before image in
     * this mode (its NanoTimestamp conversion gives null, not the zero value, to the required {@code ts}).
     */
    @Test
    void nanosecondTimesAreTheSame() throws Exception {
        assertSameRows("nanos", null, Map.of("time.precision.mode", "nanoseconds"), true);
    }

    /** {@code unwrapOptions} null: no SMT at all. */
    private void assertSameRows(String variant, Map<String, String> unwrapOptions) throws Exception {
        assertSameRows(variant, unwrapOptions, Map.of());
    }

    private void assertSameRows(String variant, Map<String, String> unwrapOptions,
            Map<String, String> connectorOptions) throws Exception {
        assertSameRows(variant, unwrapOptions, connectorOptions, false);
    }

    /**
     * {@code connectorOptions}: set on both connectors; {@code withLimits}: table {@code limits} ({@link #LIMIT_ROWS})
     * is captured and compared too.
     */
    private void assertSameRows(String variant, Map<String, String> unwrapOptions,
            Map<String, String> connectorOptions, boolean withLimits) throws Exception {
        String schema = "eq_" + variant;
        createTable(schema, withLimits);
        if ("nanoseconds".equals(connectorOptions.get("time.precision.mode"))) {
            postgres.execute("ALTER TABLE " + schema + ".kinds REPLICA IDENTITY FULL");
        }
        String ours = "trib_" + variant;
        String theirs = "dbz_" + variant;
        Map<String, String> ourConfig = config(OURS, ours, schema, unwrapOptions);
        Map<String, String> theirConfig = config(DEBEZIUM, theirs, schema, unwrapOptions);
        if (withLimits) {
            ourConfig.put("table.include.list", schema + "\\.(kinds|limits)");
            theirConfig.put("table.include.list", schema + "\\.(kinds|limits)");
        }
        ourConfig.putAll(connectorOptions);
        theirConfig.putAll(connectorOptions);
        connect.configureConnector(ours, ourConfig);
        connect.configureConnector(theirs, theirConfig);
        connect.awaitRunning(ours, 1);
        connect.awaitRunning(theirs, 1);
        // The snapshot rows first, so that both snapshots hold exactly them and the rest is streamed.
        connect.consume(SNAPSHOT_ROWS.length, TIMEOUT, topic(ours, schema));
        connect.consume(SNAPSHOT_ROWS.length, TIMEOUT, topic(theirs, schema));

        String table = schema + ".kinds";
        postgres.execute(
                "INSERT INTO " + table + " VALUES " + SNAPSHOT_ROWS[0].replaceFirst("\\(1,", "(10,"),
                "INSERT INTO " + table + " VALUES " + SNAPSHOT_ROWS[1].replaceFirst("\\(2,", "(11,"),
                "INSERT INTO " + table + " VALUES " + SNAPSHOT_ROWS[2].replaceFirst("\\(3,", "(12,"),
                "UPDATE " + table + " SET txt = 'updated', ts = '2030-06-01 12:00:00.5', tstz = now(), "
                        + "mood = 'ok', ia = '{7}', n = 1 WHERE id = 1",
                "UPDATE " + table + " SET sm = NULL, jb = '{\"c\": null}' WHERE id = 10",
                "BEGIN", "DELETE FROM " + table + " WHERE id = 2",
                "UPDATE " + table + " SET id = 20 WHERE id = 11", "COMMIT",
                "ALTER TABLE " + table + " REPLICA IDENTITY FULL",
                "UPDATE " + table + " SET vc = 'full' WHERE id = 3",
                "DELETE FROM " + table + " WHERE id = 12",
                "INSERT INTO " + table + " VALUES " + SNAPSHOT_ROWS[2].replaceFirst("\\(3,", "(99,"));
        if (withLimits) {
            String limits = schema + ".limits";
            List<String> changes = new ArrayList<>();
            for (String row : LIMIT_ROWS) {
                changes.add("INSERT INTO " + limits + " VALUES " + row.replaceFirst("\\((\\d),", "(1$1,"));
            }
            changes.add("UPDATE " + limits + " SET t = '12:34:56.789', ts = 'infinity' WHERE id = 1");
            changes.add("DELETE FROM " + limits + " WHERE id = 2");
            postgres.execute(changes.toArray(String[]::new));
            // 3 reads, 3 inserts, an update, a delete (and its tombstone without the SMT)
            int limitRecords = 3 + 3 + 1 + 1 + (unwrapOptions == null ? 1 : 0);
            assertSameRecords(variant + "-limits", ours + "." + schema + ".limits",
                    theirs + "." + schema + ".limits", ours, theirs, limitRecords);
        }
        // 3 reads, 3 inserts, 2 updates, a delete, a key change (delete, create), an update, a delete, an insert:
        // by default the SMT drops a delete's event and keeps its tombstone; rewrite keeps the event, drops the
        // tombstone. Either way one record per delete.
        int expected = 3 + 3 + 2 + 1 + 2 + 1 + 1 + 1;
        if (unwrapOptions == null) {
            expected += 3; // a delete's event and its tombstone
        }
        assertSameRecords(variant, topic(ours, schema), topic(theirs, schema), ours, theirs, expected);
        if ("true".equals(connectorOptions.get("provide.transaction.metadata"))) {
            // a BEGIN and an END for each of the 9 streamed transactions (and, before PostgreSQL 15, whose pgoutput
            // does not skip empty transactions, the ALTER TABLE's)
            int transactions = postgres.majorVersion() < 15 ? 10 : 9;
            assertSameRecords(variant + "-transactions", ours + ".transaction", theirs + ".transaction", ours,
                    theirs, 2 * transactions);
        }
        connect.deleteConnector(ours);
        connect.deleteConnector(theirs);
    }

    private void assertSameRecords(String variant, String ourTopic, String theirTopic, String ours, String theirs,
            int expected) throws Exception {
        List<String> ourRows = rows(ours, ourTopic, expected);
        List<String> theirRows = rows(theirs, theirTopic, expected).stream()
                .map(DebeziumEquivalenceIT::withToastableFieldsOptional).toList();
        assertThat(theirRows).as("Debezium's rows").hasSize(expected);
        Path report = Path.of("target", "debezium-equivalence");
        Files.createDirectories(report);
        Files.write(report.resolve(variant + "-tributary.jsonl"), ourRows);
        Files.write(report.resolve(variant + "-debezium.jsonl"), theirRows);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.min(ourRows.size(), theirRows.size()); i++) {
            differences.addAll(differences("record " + i, JSON.readTree(theirRows.get(i)),
                    JSON.readTree(ourRows.get(i))));
        }
        assertThat(differences).as("where %s differs from Debezium's %s", ourTopic, theirTopic).isEmpty();
        assertThat(ourRows).hasSameSizeAs(theirRows);
    }

    private void createTable(String schema, boolean withLimits) {
        String table = schema + ".kinds";
        List<String> sql = new ArrayList<>(List.of(
                "CREATE SCHEMA " + schema,
                "CREATE TYPE " + schema + ".mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE TABLE " + table + " (" + COLUMNS.formatted(schema) + ")"));
        for (String row : SNAPSHOT_ROWS) {
            sql.add("INSERT INTO " + table + " VALUES " + row);
        }
        String tables = table;
        if (withLimits) {
            String limits = schema + ".limits";
            sql.add("CREATE TABLE " + limits + " (" + LIMIT_COLUMNS + ")");
            for (String row : LIMIT_ROWS) {
                sql.add("INSERT INTO " + limits + " VALUES " + row);
            }
            tables += ", " + limits;
        }
        sql.addAll(List.of(
                "GRANT USAGE ON SCHEMA " + schema + " TO " + postgres.replicationUser(),
                "GRANT SELECT ON " + tables + " TO " + postgres.replicationUser(),
                "CREATE PUBLICATION trib_" + schema + " FOR TABLE " + tables,
                "CREATE PUBLICATION dbz_" + schema + " FOR TABLE " + tables));
        postgres.execute(sql.toArray(String[]::new));
    }

    private Map<String, String> config(String connectorClass, String name, String schema,
            Map<String, String> unwrapOptions) {
        Map<String, String> config = postgres.cdcConnectionConfig();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("topic.prefix", name);
        config.put("table.include.list", schema + "\\.kinds");
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", name);
        config.put("publication.name", name.substring(0, name.indexOf('_')) + "_" + schema);
        config.put("publication.autocreate.mode", "disabled");
        config.put("topic.creation.default.replication.factor", "1");
        config.put("topic.creation.default.partitions", "1");
        if (unwrapOptions != null) {
            config.put("transforms", "unwrap");
            config.put("transforms.unwrap.type", UNWRAP);
            unwrapOptions.forEach((key, value) -> config.put("transforms.unwrap." + key, value));
        }
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "true");
        return config;
    }

    private static String topic(String prefix, String schema) {
        return prefix + "." + schema + ".kinds";
    }

    /** Each record as {@code key => value} JSON, with the connector's topic prefix in schema names made neutral. */
    private List<String> rows(String prefix, String topic, int expected) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = connect.consume(expected, TIMEOUT, topic);
        Thread.sleep(2_000);
        records = connect.consume(records.size(), TIMEOUT, topic);
        List<String> rows = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            String row = "{\"key\": " + text(record.key()) + ", \"value\": " + text(record.value()) + "}";
            rows.add(withoutOwnFields(row.replace("\"" + prefix + ".", "\"<prefix>.")
                    .replace("\"" + prefix + "\"", "\"<prefix>\"")));
        }
        return rows;
    }

    /**
     * Blanks what is each connector's own: a snapshot row's position and time (each has its own slot and snapshot),
     * and, in whole change events, the connector's version and processing times.
     */
    private static String withoutOwnFields(String row) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(row);
        if (!(tree.path("value").path("payload") instanceof ObjectNode payload)) {
            return row;
        }
        if ("r".equals(payload.path("__op").asText())) {
            payload.put("__lsn", "<snapshot>");
            payload.put("__source_ts_ms", "<snapshot>");
        }
        if (payload.path("source") instanceof ObjectNode source) {
            for (String field : List.of("ts_ms", "ts_us", "ts_ns")) {
                payload.put(field, "<processing time>");
            }
            source.put("version", "<version>");
            if ("r".equals(payload.path("op").asText())) {
                for (String field : List.of("ts_ms", "ts_us", "ts_ns", "lsn")) {
                    source.put(field, "<snapshot>");
                }
                // Each snapshot's own transaction and position: compared only in form.
                if (source.path("txId").isIntegralNumber()) {
                    source.put("txId", "<snapshot transaction>");
                }
                source.put("sequence", source.path("sequence").asText().replaceAll("[0-9]+", "<lsn>"));
            }
        }
        return JSON.writeValueAsString(tree);
    }

    /**
     * The one documented difference: a NOT NULL column whose values can be TOASTed ({@code n}, {@code txt}) has an
     * optional field in our schemas, because an update that leaves its value unchanged carries no value for it and
     * our event says so with null and a header; Debezium keeps the field required and writes a placeholder. So where a
     * change carries no value for such a column (a delete's key-only before image), ours is null and Debezium's its
     * type's zero value. Debezium's rows are rewritten to ours for exactly these fields and cases, so every other
     * field's optionality and value is still compared.
     */
    private static String withToastableFieldsOptional(String row) {
        try {
            JsonNode tree = JSON.readTree(row);
            markOptional(tree);
            JsonNode payload = tree.path("value").path("payload");
            boolean tombstone = tree.path("value").isNull() || tree.path("value").path("payload").isNull();
            if ("d".equals(payload.path("op").asText()) && payload.path("before") instanceof ObjectNode before) {
                zeroValuesToNull(before);
            } else if ("true".equals(payload.path("__deleted").asText()) && payload instanceof ObjectNode flat) {
                zeroValuesToNull(flat);
            }
            // A message key (message.key.columns: big and txt) of a delete or its tombstone comes from the same image;
            // a full image's txt is never empty in this test.
            boolean delete = tombstone || "d".equals(payload.path("op").asText())
                    || "true".equals(payload.path("__deleted").asText());
            if (delete && tree.path("key").path("payload") instanceof ObjectNode key
                    && key.path("big").asLong(-1) == 0) {
                zeroValuesToNull(key, true);
            }
            return JSON.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * In a key-only before image (REPLICA IDENTITY DEFAULT: Debezium then gives every required column its zero value,
     * so {@code big} is 0 and {@code ts} the epoch; no full image in this test has both), Debezium's zero values of
     * {@code n} (decimal 0.00: one zero byte) and {@code txt} (empty string) as null.
     */
    private static void zeroValuesToNull(ObjectNode image) {
        zeroValuesToNull(image, image.path("big").asLong(-1) == 0 && isEpoch(image.path("ts")));
    }

    /** The zero value of a timestamp in every time precision mode: 0, or the epoch in ISO-8601 (isostring). */
    private static boolean isEpoch(JsonNode timestamp) {
        return timestamp.isIntegralNumber() ? timestamp.asLong() == 0
                : "1970-01-01T00:00:00Z".equals(timestamp.asText(null));
    }

    private static void zeroValuesToNull(ObjectNode image, boolean keyOnly) {
        if (!keyOnly) {
            return;
        }
        if ("AA==".equals(image.path("n").asText(null))) {
            image.putNull("n");
        }
        if ("".equals(image.path("txt").asText(null))) {
            image.putNull("txt");
        }
    }

    private static void markOptional(JsonNode node) {
        if (node instanceof ObjectNode object && TOASTABLE_NOT_NULL.contains(object.path("field").asText())
                && object.path("optional").isBoolean()) {
            object.put("optional", true);
        }
        node.forEach(DebeziumEquivalenceIT::markOptional);
    }

    /** Paths (with both values) where {@code actual} differs from {@code expected}, field order included. */
    private static List<String> differences(String path, JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            List<String> expectedNames = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedNames::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            if (!expectedNames.equals(actualNames)) {
                out.add(path + ": fields " + actualNames + ", Debezium " + expectedNames);
            }
            for (String name : expectedNames) {
                if (actual.has(name)) {
                    out.addAll(differences(path + "." + name, expected.get(name), actual.get(name)));
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                JsonNode element = expected.get(i);
                String label = element.has("field") ? element.get("field").asText() : String.valueOf(i);
                out.addAll(differences(path + "[" + label + "]", element, actual.get(i)));
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": " + actual + ", Debezium " + expected);
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
