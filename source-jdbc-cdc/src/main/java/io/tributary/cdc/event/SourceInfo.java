package io.tributary.cdc.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import io.tributary.cdc.types.LogicalTypes;
import io.tributary.common.Version;

/** The {@code source} block of every event, with the field names and schema name of Debezium's PostgreSQL connector. */
public final class SourceInfo {

    public static final String SCHEMA_NAME = "io.debezium.connector.postgresql.Source";
    public static final String CONNECTOR = "postgresql";

    /** Values of {@code source.snapshot}, an {@code io.debezium.data.Enum} as in Debezium. */
    public enum SnapshotMarker {
        TRUE, FIRST, FIRST_IN_DATA_COLLECTION, LAST_IN_DATA_COLLECTION, LAST, FALSE, INCREMENTAL;

        String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String SNAPSHOT_ALLOWED = java.util.Arrays.stream(SnapshotMarker.values())
            .map(SnapshotMarker::text).collect(java.util.stream.Collectors.joining(","));

    /** Debezium 3.6's source block: same fields, order, optionality, names and versions. */
    public static final Schema SCHEMA = SchemaBuilder.struct().name(SCHEMA_NAME).version(1)
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().optional().name(LogicalTypes.ENUM).version(1)
                    .parameter(LogicalTypes.ENUM_ALLOWED, SNAPSHOT_ALLOWED).defaultValue("false").build())
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

    /**
     * Debezium's {@code sequence}: a JSON array of two decimal LSN strings, the end of the last commit received before
     * this change (null at the start of a session) and the change's own, e.g. {@code ["24023128","24023408"]}.
     */
    public static String sequence(Long lastCommitEndLsn, long lsn) {
        return "[" + (lastCommitEndLsn == null ? "null" : "\"" + lastCommitEndLsn + "\"") + ",\"" + lsn + "\"]";
    }

    private final String serverName;
    private final String database;
    private final String version = Version.get();

    public SourceInfo(String serverName, String database) {
        this.serverName = serverName;
        this.database = database;
    }

    /** As {@link #struct(TableId, long, Long, long, SnapshotMarker, String)} without a {@code sequence}. */
    public Struct struct(TableId table, long lsn, Long txId, long tsMicros, SnapshotMarker snapshot) {
        return struct(table, lsn, txId, tsMicros, snapshot, null);
    }

    /**
     * {@code txId} null for snapshot reads; {@code tsMicros} the commit time (the snapshot's start for reads);
     * {@code sequence} as {@link #sequence} makes it. {@code xmin}, {@code origin} and {@code origin_lsn} are null.
     */
    public Struct struct(TableId table, long lsn, Long txId, long tsMicros, SnapshotMarker snapshot,
            String sequence) {
        return new Struct(SCHEMA)
                .put("version", version)
                .put("connector", CONNECTOR)
                .put("name", serverName)
                .put("ts_ms", Math.floorDiv(tsMicros, 1_000L))
                .put("snapshot", snapshot.text())
                .put("db", database)
                .put("sequence", sequence)
                .put("ts_us", tsMicros)
                .put("ts_ns", Math.multiplyExact(tsMicros, 1_000L))
                .put("schema", table.schema())
                .put("table", table.table())
                .put("txId", txId)
                .put("lsn", lsn);
    }
}
