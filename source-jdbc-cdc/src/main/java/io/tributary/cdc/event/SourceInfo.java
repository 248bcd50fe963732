package io.tributary.cdc.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import io.tributary.common.Version;

/** The {@code source} block of every event, with the field names and schema name of Debezium's PostgreSQL connector. */
public final class SourceInfo {

    public static final String SCHEMA_NAME = "io.debezium.connector.postgresql.Source";
    public static final String CONNECTOR = "postgresql";

    /** Values of {@code source.snapshot}. */
    public enum SnapshotMarker {
        TRUE, LAST, FALSE;

        String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final Schema SCHEMA = SchemaBuilder.struct().name(SCHEMA_NAME)
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().optional().defaultValue("false").build())
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private final String serverName;
    private final String database;
    private final String version = Version.get();

    public SourceInfo(String serverName, String database) {
        this.serverName = serverName;
        this.database = database;
    }

    /** {@code txId} null for snapshot reads. */
    public Struct struct(TableId table, long lsn, Long txId, long tsMs, SnapshotMarker snapshot) {
        return new Struct(SCHEMA)
                .put("version", version)
                .put("connector", CONNECTOR)
                .put("name", serverName)
                .put("ts_ms", tsMs)
                .put("snapshot", snapshot.text())
                .put("db", database)
                .put("schema", table.schema())
                .put("table", table.table())
                .put("txId", txId)
                .put("lsn", lsn);
    }
}
