package io.tributary.benchmarks.ceiling;

import io.tributary.benchmarks.cdc.BenchTable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The key and value of an insert event of {@link BenchTable} in the shape Debezium's PostgreSQL connector 3.6 gives
 * it with its default settings ({@code decimal.handling.mode=precise}, {@code time.precision.mode=adaptive}), field
 * for field (compared with {@code -Dsample=true}): the envelope {@code before}/{@code after}/{@code source}/
 * {@code transaction}/{@code op}/{@code ts_ms}, a row struct with the table's columns and a key struct with the
 * primary key. The ceiling emits these, so that the converter and the producer do the same work per record as for
 * the CDC connectors.
 */
public final class ChangeEventShape {

    static final String SOURCE_SCHEMA_NAME = "io.debezium.connector.postgresql.Source";
    /** Debezium writes timestamptz with all six fractional digits. */
    private static final DateTimeFormatter ZONED_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", java.util.Locale.ROOT);

    private final String serverName;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final Schema sourceSchema;
    private final Schema valueSchema;

    public ChangeEventShape(String topicPrefix) {
        this.serverName = topicPrefix;
        String base = BenchTable.topic(topicPrefix);
        keySchema = SchemaBuilder.struct().name(base + ".Key")
                .field("id", Schema.INT64_SCHEMA)
                .build();
        rowSchema = SchemaBuilder.struct().name(base + ".Value").optional()
                .field("id", Schema.INT64_SCHEMA)
                .field("account_id", Schema.INT32_SCHEMA)
                .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "12").build())
                .field("status", Schema.STRING_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("created_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).build())
                .build();
        sourceSchema = SchemaBuilder.struct().name(SOURCE_SCHEMA_NAME).version(1)
                .field("version", Schema.STRING_SCHEMA)
                .field("connector", Schema.STRING_SCHEMA)
                .field("name", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.INT64_SCHEMA)
                .field("snapshot", SchemaBuilder.string().optional().name("io.debezium.data.Enum").version(1)
                        .parameter("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false,"
                                + "incremental")
                        .defaultValue("false").build())
                .field("db", Schema.STRING_SCHEMA)
                .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
                .field("schema", Schema.STRING_SCHEMA)
                .field("table", Schema.STRING_SCHEMA)
                .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
                .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
                .field("xmin", Schema.OPTIONAL_INT64_SCHEMA)
                .field("origin", Schema.OPTIONAL_STRING_SCHEMA)
                .field("origin_lsn", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        Schema transactionSchema = SchemaBuilder.struct().name("event.block").version(1).optional()
                .field("id", Schema.STRING_SCHEMA)
                .field("total_order", Schema.INT64_SCHEMA)
                .field("data_collection_order", Schema.INT64_SCHEMA)
                .build();
        valueSchema = SchemaBuilder.struct().name(base + ".Envelope").version(2)
                .field("before", rowSchema)
                .field("after", rowSchema)
                .field("source", sourceSchema)
                .field("transaction", transactionSchema)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    public Schema keySchema() {
        return keySchema;
    }

    public Schema valueSchema() {
        return valueSchema;
    }

    public Struct key(long id) {
        return new Struct(keySchema).put("id", id);
    }

    /**
     * The insert ({@code op=c}) of row {@code id}, as if committed at {@code commitMillis} in transaction
     * {@code txId} at WAL position {@code lsn}.
     */
    public Struct insert(long id, long txId, long lsn, long commitMillis, long nowMillis) {
        Struct after = new Struct(rowSchema)
                .put("id", id)
                .put("account_id", BenchTable.accountId(id))
                .put("amount", BenchTable.amount(id))
                .put("status", BenchTable.status(id))
                .put("note", BenchTable.note(id))
                .put("created_at", ZONED_TIMESTAMP.format(BenchTable.createdAt(id).atOffset(ZoneOffset.UTC)));
        Struct source = new Struct(sourceSchema)
                .put("version", "ceiling")
                .put("connector", "postgresql")
                .put("name", serverName)
                .put("ts_ms", commitMillis)
                .put("snapshot", "false")
                .put("db", "tributary")
                .put("sequence", "[null,\"" + lsn + "\"]")
                .put("ts_us", commitMillis * 1_000)
                .put("ts_ns", commitMillis * 1_000_000)
                .put("schema", BenchTable.SCHEMA)
                .put("table", BenchTable.NAME)
                .put("txId", txId)
                .put("lsn", lsn);
        return new Struct(valueSchema)
                .put("after", after)
                .put("source", source)
                .put("op", "c")
                .put("ts_ms", nowMillis)
                .put("ts_us", nowMillis * 1_000)
                .put("ts_ns", nowMillis * 1_000_000);
    }
}
