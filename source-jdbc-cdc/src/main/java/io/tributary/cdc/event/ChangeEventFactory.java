package io.tributary.cdc.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the records of one change: a Debezium-compatible envelope ({@code before}, {@code after}, {@code source},
 * {@code op}, {@code ts_ms}, {@code ts_us}, {@code ts_ns}, {@code transaction}) keyed by the primary key, on topic
 * {@code <topic.prefix>.<schema>.<table>}, followed by a tombstone after a delete when enabled.
 *
 * <p>An unchanged TOASTed column (which the server does not resend) is left null in {@code after} and named in the
 * header {@value #UNCHANGED_COLUMNS_HEADER} (comma-separated column names); under REPLICA IDENTITY FULL its old value
 * is emitted instead.
 */
public final class ChangeEventFactory {

    /** Header listing, comma-separated, the columns left null in {@code after} because their value did not change. */
    public static final String UNCHANGED_COLUMNS_HEADER = "tributary.unchanged.columns";

    private static final Schema HEARTBEAT_KEY = SchemaBuilder.struct()
            .name("io.debezium.connector.common.ServerNameKey").field("serverName", Schema.STRING_SCHEMA).build();
    private static final Schema HEARTBEAT_VALUE = SchemaBuilder.struct()
            .name("io.debezium.connector.common.Heartbeat").field("ts_ms", Schema.INT64_SCHEMA).build();

    private final String topicPrefix;
    private final Map<String, ?> sourcePartition;
    private final boolean tombstones;
    private final Set<Character> skippedOperations;
    private final Clock clock;

    public ChangeEventFactory(String topicPrefix, Map<String, ?> sourcePartition, boolean tombstones,
            Set<Character> skippedOperations, Clock clock) {
        this.topicPrefix = topicPrefix;
        this.sourcePartition = sourcePartition;
        this.tombstones = tombstones;
        this.skippedOperations = skippedOperations;
        this.clock = clock;
    }

    /** The source partition of every record. */
    public Map<String, ?> sourcePartition() {
        return sourcePartition;
    }

    public boolean skips(char op) {
        return skippedOperations.contains(op);
    }

    /**
     * The records of one change ({@code op} 'r', 'c', 'u' or 'd'); {@code before}/{@code after} null where the change
     * has none; {@code beforeIsFullRow} when {@code before} is the whole old row (REPLICA IDENTITY FULL) rather
     * than its key. {@code nextOffset} is asked once per record, in order.
     */
    public List<SourceRecord> change(TableSchema schema, char op, RowText before, boolean beforeIsFullRow,
            RowText after, Struct source, Supplier<Map<String, ?>> nextOffset) {
        if (skips(op)) {
            return List.of();
        }
        List<String> unchanged = new ArrayList<>(0);
        Struct beforeRow = before == null ? null : schema.row(before, null);
        Struct afterRow = after == null ? null
                : schema.row(beforeIsFullRow ? withOldValues(after, before) : after, unchanged);
        if (op == 'u' && beforeRow != null) {
            Struct oldKey = schema.key(beforeRow);
            Struct newKey = schema.key(afterRow);
            if (oldKey != null && !oldKey.equals(newKey)) {
                // As Debezium does: a changed key is a delete of the old key (and its tombstone), then a create.
                List<SourceRecord> records = new ArrayList<>(3);
                if (!skips('d')) {
                    records.addAll(records('d', schema, beforeRow, null, oldKey, source, nextOffset, List.of()));
                }
                if (!skips('c')) {
                    records.addAll(records('c', schema, null, afterRow, newKey, source, nextOffset, unchanged));
                }
                return records;
            }
        }
        Struct key = schema.key(afterRow != null ? afterRow : beforeRow);
        return records(op, schema, beforeRow, afterRow, key, source, nextOffset, unchanged);
    }

    private List<SourceRecord> records(char op, TableSchema schema, Struct beforeRow, Struct afterRow, Struct key,
            Struct source, Supplier<Map<String, ?>> nextOffset, List<String> unchanged) {
        Struct envelope = withProcessingTime(new Struct(schema.envelopeSchema())
                .put("before", beforeRow)
                .put("after", afterRow)
                .put("source", source)
                .put("op", String.valueOf(op)));
        ConnectHeaders headers = new ConnectHeaders();
        if (!unchanged.isEmpty()) {
            headers.addString(UNCHANGED_COLUMNS_HEADER, String.join(",", unchanged));
        }
        String topic = schema.topic();
        SourceRecord event = new SourceRecord(sourcePartition, nextOffset.get(), topic, null, schema.keySchema(), key,
                schema.envelopeSchema(), envelope, null, headers);
        if (op == 'd' && tombstones && key != null) {
            return List.of(event, new SourceRecord(sourcePartition, nextOffset.get(), topic, null,
                    schema.keySchema(), key, null, null));
        }
        return List.of(event);
    }

    /** A heartbeat on {@code topic}, shaped as Debezium's: key {serverName}, value {ts_ms}. */
    public SourceRecord heartbeat(String topic, Map<String, ?> offset) {
        Struct key = new Struct(HEARTBEAT_KEY).put("serverName", topicPrefix);
        Struct value = new Struct(HEARTBEAT_VALUE).put("ts_ms", clock.millis());
        return new SourceRecord(sourcePartition, offset, topic, null, HEARTBEAT_KEY, key, HEARTBEAT_VALUE, value);
    }

    /** A truncate event ('t'): no key, no rows. */
    public List<SourceRecord> truncate(TableSchema schema, Struct source, Supplier<Map<String, ?>> nextOffset) {
        if (skips('t')) {
            return List.of();
        }
        Struct envelope = withProcessingTime(new Struct(schema.envelopeSchema()).put("source", source).put("op", "t"));
        return List.of(new SourceRecord(sourcePartition, nextOffset.get(), schema.topic(), null, null, null,
                schema.envelopeSchema(), envelope));
    }

    /** The envelope's {@code ts_ms}, {@code ts_us}, {@code ts_ns}: when the connector processed the change. */
    private Struct withProcessingTime(Struct envelope) {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000L);
        return envelope.put("ts_ms", Math.floorDiv(micros, 1_000L)).put("ts_us", micros)
                .put("ts_ns", Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano()));
    }

    /** Under REPLICA IDENTITY FULL the old row holds the values of unchanged TOASTed columns: use them. */
    private static RowText withOldValues(RowText after, RowText before) {
        if (before == null) {
            return after;
        }
        return new RowText() {
            @Override
            public String text(int index) {
                return after.unchanged(index) && !before.unchanged(index) ? before.text(index) : after.text(index);
            }

            @Override
            public boolean unchanged(int index) {
                return after.unchanged(index) && before.unchanged(index);
            }
        };
    }
}
