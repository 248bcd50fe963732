package io.tributary.cdc.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.decoder.TupleValue;
import io.tributary.cdc.types.DecimalHandlingMode;
import io.tributary.cdc.types.PgTypeOids;
import io.tributary.cdc.types.TypeMapper;
import io.tributary.cdc.types.TypeRegistry;

class TransactionMetadataTest {

    private static final Map<String, String> PARTITION = Map.of("server", "shop");
    private static final TableId ORDERS = new TableId("public", "orders");
    private static final TableId ITEMS = new TableId("public", "items");

    private final ChangeEventFactory events = new ChangeEventFactory("shop", PARTITION, true, Set.of(),
            Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
    private final SourceInfo sourceInfo = new SourceInfo("shop", "db");
    private final AtomicLong serial = new AtomicLong();
    private final TransactionMetadata metadata = new TransactionMetadata("shop.transaction", PARTITION);

    private static TableSchema schema(TableId table) {
        return new TableSchema("shop", table, List.of(new ColumnInfo("id", PgTypeOids.INT4, -1, "integer")),
                List.of("id"), new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA);
    }

    private Map<String, ?> offset() {
        return Map.of("n", serial.incrementAndGet());
    }

    private List<SourceRecord> change(TableId table, char op, long lsn) {
        RowText row = RowText.of(List.of(TupleValue.text(String.valueOf(lsn))));
        List<SourceRecord> records = events.change(schema(table), op, op == 'd' ? row : null, false,
                op == 'd' ? null : row, sourceInfo.struct(table, lsn, 571L, 900_000, SourceInfo.SnapshotMarker.FALSE),
                this::offset);
        metadata.enrich(records, table, lsn);
        return records;
    }

    private static Struct block(SourceRecord record) {
        return ((Struct) record.value()).getStruct("transaction");
    }

    @Test
    void beginChangesAndEndAsDebeziumShapesThem() {
        SourceRecord begin = metadata.begin(571L, 100L, 900L, offset());
        List<SourceRecord> changes = new ArrayList<>();
        changes.addAll(change(ORDERS, 'c', 110L));
        changes.addAll(change(ITEMS, 'c', 120L));
        changes.addAll(change(ORDERS, 'd', 130L)); // and its tombstone, which is no event
        SourceRecord end = metadata.end(140L, 900L, offset());

        assertThat(begin.topic()).isEqualTo("shop.transaction");
        assertThat(begin.sourcePartition()).isEqualTo(PARTITION);
        assertThat(begin.sourceOffset()).isEqualTo(Map.of("n", 1L));
        assertThat(begin.keySchema().name()).isEqualTo("io.debezium.connector.common.TransactionMetadataKey");
        assertThat(((Struct) begin.key()).getString("id")).isEqualTo("571:100");
        Struct beginValue = (Struct) begin.value();
        assertThat(beginValue.schema().name()).isEqualTo("io.debezium.connector.common.TransactionMetadataValue");
        assertThat(beginValue.schema().version()).isEqualTo(1);
        assertThat(beginValue.schema().fields()).extracting(Field::name)
                .containsExactly("status", "id", "event_count", "data_collections", "ts_ms");
        assertThat(beginValue.getString("status")).isEqualTo("BEGIN");
        assertThat(beginValue.getString("id")).isEqualTo("571:100");
        assertThat(beginValue.get("event_count")).isNull();
        assertThat(beginValue.get("data_collections")).isNull();
        assertThat(beginValue.getInt64("ts_ms")).isEqualTo(900L);
        beginValue.validate();

        assertThat(changes).hasSize(4);
        assertThat(block(changes.get(0)).getString("id")).isEqualTo("571:110");
        assertThat(block(changes.get(0)).getInt64("total_order")).isEqualTo(1L);
        assertThat(block(changes.get(0)).getInt64("data_collection_order")).isEqualTo(1L);
        assertThat(block(changes.get(1)).getString("id")).isEqualTo("571:120");
        assertThat(block(changes.get(1)).getInt64("total_order")).isEqualTo(2L);
        assertThat(block(changes.get(1)).getInt64("data_collection_order")).isEqualTo(1L);
        assertThat(block(changes.get(2)).getInt64("total_order")).isEqualTo(3L);
        assertThat(block(changes.get(2)).getInt64("data_collection_order")).isEqualTo(2L);
        assertThat(changes.get(3).value()).as("tombstone").isNull();
        changes.forEach(r -> {
            if (r.value() != null) {
                ((Struct) r.value()).validate();
            }
        });

        assertThat(((Struct) end.key()).getString("id")).isEqualTo("571:140");
        Struct endValue = (Struct) end.value();
        assertThat(endValue.getString("status")).isEqualTo("END");
        assertThat(endValue.getString("id")).isEqualTo("571:140");
        assertThat(endValue.getInt64("event_count")).isEqualTo(3L);
        assertThat(endValue.getArray("data_collections")).extracting(
                c -> ((Struct) c).getString("data_collection") + "=" + ((Struct) c).getInt64("event_count"))
                .containsExactly("public.orders=2", "public.items=1");
        assertThat(end.sourceOffset()).isEqualTo(Map.of("n", 6L));
        endValue.validate();
    }

    @Test
    void anEmptyTransactionEndsWithNoEventsAndTheNextStartsAfresh() {
        metadata.begin(7L, 10L, 1L, offset());
        Struct empty = (Struct) metadata.end(20L, 1L, offset()).value();
        assertThat(empty.getInt64("event_count")).isZero();
        assertThat(empty.getArray("data_collections")).isEmpty();

        metadata.begin(8L, 30L, 2L, offset());
        change(ORDERS, 'c', 40L);
        metadata.begin(9L, 50L, 3L, offset());
        List<SourceRecord> next = change(ORDERS, 'c', 60L);
        assertThat(block(next.get(0)).getString("id")).isEqualTo("9:60");
        assertThat(block(next.get(0)).getInt64("total_order")).isEqualTo(1L);
        assertThat(((Struct) metadata.end(70L, 3L, offset()).value()).getInt64("event_count")).isEqualTo(1L);
    }

    @Test
    void truncatesAreCountedAsEvents() {
        metadata.begin(5L, 10L, 1L, offset());
        List<SourceRecord> truncate = events.truncate(schema(ORDERS),
                sourceInfo.struct(ORDERS, 20L, 5L, 1_000, SourceInfo.SnapshotMarker.FALSE), this::offset);
        metadata.enrich(truncate, ORDERS, 20L);
        assertThat(block(truncate.get(0)).getInt64("total_order")).isEqualTo(1L);
        assertThat(((Struct) metadata.end(30L, 1L, offset()).value()).getInt64("event_count")).isEqualTo(1L);
    }
}
