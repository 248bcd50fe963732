package io.tributary.cdc.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.tributary.cdc.decoder.TupleValue;
import io.tributary.cdc.types.DecimalHandlingMode;
import io.tributary.cdc.types.PgTypeOids;
import io.tributary.cdc.types.TypeMapper;
import io.tributary.cdc.types.TypeRegistry;

class ChangeEventFactoryTest {

    private static final TableId ORDERS = new TableId("public", "orders");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC);

    private final TableSchema schema = new TableSchema("shop", ORDERS, List.of(
            new ColumnInfo("id", PgTypeOids.INT4, -1, "integer"),
            new ColumnInfo("note", PgTypeOids.TEXT, -1, "text"),
            new ColumnInfo("doc", PgTypeOids.JSONB, -1, "jsonb")),
            List.of("id"), new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA);
    private final SourceInfo sourceInfo = new SourceInfo("shop", "tributary");
    private final Struct source = sourceInfo.struct(ORDERS, 77, 5L, 900_123,
            SourceInfo.SnapshotMarker.FALSE);
    private final AtomicLong serial = new AtomicLong();

    private ChangeEventFactory factory(boolean tombstones, Set<Character> skipped) {
        return new ChangeEventFactory("shop", Map.of("server", "shop"), tombstones, skipped, CLOCK);
    }

    private Map<String, ?> nextOffset() {
        return Map.of("n", serial.incrementAndGet());
    }

    private static RowText row(TupleValue... values) {
        return RowText.of(List.of(values));
    }

    @Test
    void insertHasTheDebeziumEnvelopeAndKey() {
        List<SourceRecord> records = factory(true, Set.of()).change(schema, 'c', null, false,
                row(TupleValue.text("1"), TupleValue.text("hi"), TupleValue.NULL), source, this::nextOffset);
        assertThat(records).hasSize(1);
        SourceRecord record = records.get(0);
        assertThat(record.topic()).isEqualTo("shop.public.orders");
        assertThat(record.keySchema().name()).isEqualTo("shop.public.orders.Key");
        assertThat(((Struct) record.key()).getInt32("id")).isEqualTo(1);
        Struct value = (Struct) record.value();
        assertThat(record.valueSchema().name()).isEqualTo("shop.public.orders.Envelope");
        assertThat(value.getString("op")).isEqualTo("c");
        assertThat(value.getInt64("ts_ms")).isEqualTo(1_000L);
        assertThat(value.getInt64("ts_us")).isEqualTo(1_000_000L);
        assertThat(value.getInt64("ts_ns")).isEqualTo(1_000_000_000L);
        assertThat(value.getStruct("transaction")).isNull();
        assertThat(value.getStruct("before")).isNull();
        assertThat(value.getStruct("after").getString("note")).isEqualTo("hi");
        assertThat(value.getStruct("after").get("doc")).isNull();
        Struct src = value.getStruct("source");
        assertThat(src.schema().name()).isEqualTo("io.debezium.connector.postgresql.Source");
        assertThat(src.getString("connector")).isEqualTo("postgresql");
        assertThat(src.getString("name")).isEqualTo("shop");
        assertThat(src.getString("db")).isEqualTo("tributary");
        assertThat(src.getString("schema")).isEqualTo("public");
        assertThat(src.getString("table")).isEqualTo("orders");
        assertThat(src.getInt64("lsn")).isEqualTo(77L);
        assertThat(src.getInt64("txId")).isEqualTo(5L);
        assertThat(src.getString("snapshot")).isEqualTo("false");
        assertThat(src.getInt64("ts_ms")).isEqualTo(900L);
        assertThat(src.getInt64("ts_us")).isEqualTo(900_123L);
        assertThat(src.getInt64("ts_ns")).isEqualTo(900_123_000L);
        assertThat(SourceInfo.sequence(null, 26241832)).isEqualTo("[null,\"26241832\"]");
        assertThat(SourceInfo.sequence(26243824L, 26243896)).isEqualTo("[\"26243824\",\"26243896\"]");
        assertThat(record.headers().isEmpty()).isTrue();
        value.validate();
    }

    /** Debezium 3.6.1's envelope and source schemas, as its PostgreSQL connector emits them. */
    @Test
    void envelopeAndSourceHaveDebeziumsFieldsInOrder() {
        Schema envelope = schema.envelopeSchema();
        assertThat(envelope.version()).isEqualTo(2);
        assertThat(envelope.fields()).extracting(Field::name)
                .containsExactly("before", "after", "source", "transaction", "op", "ts_ms", "ts_us", "ts_ns");
        assertThat(envelope.fields()).extracting(f -> f.schema().isOptional())
                .containsExactly(true, true, false, true, false, true, true, true);
        Schema transaction = envelope.field("transaction").schema();
        assertThat(transaction.name()).isEqualTo("event.block");
        assertThat(transaction.version()).isEqualTo(1);
        assertThat(transaction.fields()).extracting(Field::name)
                .containsExactly("id", "total_order", "data_collection_order");

        Schema source = SourceInfo.SCHEMA;
        assertThat(source.version()).isEqualTo(1);
        assertThat(source.fields()).extracting(Field::name).containsExactly("version", "connector", "name", "ts_ms",
                "snapshot", "db", "sequence", "ts_us", "ts_ns", "schema", "table", "txId", "lsn", "xmin", "origin",
                "origin_lsn");
        assertThat(source.fields()).extracting(f -> f.schema().isOptional()).containsExactly(false, false, false,
                false, true, false, true, true, true, false, false, true, true, true, true, true);
        Schema snapshot = source.field("snapshot").schema();
        assertThat(snapshot.name()).isEqualTo("io.debezium.data.Enum");
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.defaultValue()).isEqualTo("false");
        assertThat(snapshot.parameters()).containsEntry("allowed",
                "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental");
    }

    @Test
    void notNullColumnsAreRequiredAndGetZeroValuesWhenAbsent() {
        TableSchema strict = new TableSchema("shop", ORDERS, List.of(
                new ColumnInfo("id", PgTypeOids.INT4, -1, "integer"),
                new ColumnInfo("note", PgTypeOids.TEXT, -1, "text", true),
                new ColumnInfo("doc", PgTypeOids.JSONB, -1, "jsonb")),
                List.of("id"), new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA);
        assertThat(strict.rowSchema().field("note").schema().isOptional()).isFalse();
        assertThat(strict.rowSchema().field("doc").schema().isOptional()).isTrue();
        // A key-only before image under REPLICA IDENTITY DEFAULT: the required column gets "" as in Debezium.
        SourceRecord delete = factory(true, Set.of()).change(strict, 'd',
                row(TupleValue.text("1"), TupleValue.NULL, TupleValue.NULL), false, null, source,
                this::nextOffset).get(0);
        Struct before = ((Struct) delete.value()).getStruct("before");
        assertThat(before.getString("note")).isEmpty();
        assertThat(before.get("doc")).isNull();
        ((Struct) delete.value()).validate();
    }

    @Test
    void aToastableNotNullColumnIsOptionalAndLeftNullWhenUnchanged() {
        TableSchema toastable = new TableSchema("shop", ORDERS, List.of(
                new ColumnInfo("id", PgTypeOids.INT4, -1, "integer"),
                new ColumnInfo("note", PgTypeOids.TEXT, -1, "text", true, true),
                new ColumnInfo("doc", PgTypeOids.JSONB, -1, "jsonb", true, false)),
                List.of("id"), new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA);
        assertThat(toastable.rowSchema().field("note").schema().isOptional()).isTrue();
        assertThat(toastable.rowSchema().field("doc").schema().isOptional()).isFalse();
        SourceRecord update = factory(true, Set.of()).change(toastable, 'u', null, false,
                row(TupleValue.text("1"), TupleValue.UNCHANGED_TOAST, TupleValue.text("{}")), source,
                this::nextOffset).get(0);
        Struct after = ((Struct) update.value()).getStruct("after");
        assertThat(after.get("note")).as("no made-up value").isNull();
        assertThat(update.headers().lastWithName(ChangeEventFactory.UNCHANGED_COLUMNS_HEADER).value())
                .isEqualTo("note");
        ((Struct) update.value()).validate();
    }

    @Test
    void unchangedToastColumnsAreNullAndListedInAHeader() {
        SourceRecord record = factory(true, Set.of()).change(schema, 'u', null, false,
                row(TupleValue.text("1"), TupleValue.UNCHANGED_TOAST, TupleValue.UNCHANGED_TOAST), source,
                this::nextOffset).get(0);
        Struct after = ((Struct) record.value()).getStruct("after");
        assertThat(after.get("note")).isNull();
        assertThat(after.get("doc")).isNull();
        assertThat(record.headers().lastWithName(ChangeEventFactory.UNCHANGED_COLUMNS_HEADER).value())
                .isEqualTo("note,doc");
    }

    @Test
    void underReplicaIdentityFullTheOldValueFillsAnUnchangedToastColumn() {
        SourceRecord record = factory(true, Set.of()).change(schema, 'u',
                row(TupleValue.text("1"), TupleValue.text("long text"), TupleValue.NULL), true,
                row(TupleValue.text("1"), TupleValue.UNCHANGED_TOAST, TupleValue.text("{}")), source,
                this::nextOffset).get(0);
        Struct value = (Struct) record.value();
        assertThat(value.getStruct("after").getString("note")).isEqualTo("long text");
        assertThat(value.getStruct("before").getString("note")).isEqualTo("long text");
        assertThat(record.headers().isEmpty()).isTrue();
    }

    @Test
    void deleteIsFollowedByATombstoneWithItsOwnOffset() {
        List<SourceRecord> records = factory(true, Set.of()).change(schema, 'd',
                row(TupleValue.text("9"), TupleValue.NULL, TupleValue.NULL), false, null, source, this::nextOffset);
        assertThat(records).hasSize(2);
        assertThat(((Struct) records.get(0).value()).getStruct("before").getInt32("id")).isEqualTo(9);
        assertThat(((Struct) records.get(0).value()).getStruct("after")).isNull();
        assertThat(records.get(1).value()).isNull();
        assertThat(records.get(1).key()).isEqualTo(records.get(0).key());
        assertThat(records.get(0).sourceOffset()).isEqualTo(Map.of("n", 1L));
        assertThat(records.get(1).sourceOffset()).isEqualTo(Map.of("n", 2L));
        assertThat(factory(false, Set.of()).change(schema, 'd',
                row(TupleValue.text("9"), TupleValue.NULL, TupleValue.NULL), false, null, source, this::nextOffset))
                .hasSize(1);
    }

    @Test
    void skippedOperationsProduceNothing() {
        ChangeEventFactory factory = factory(true, Set.of('u', 't'));
        assertThat(factory.change(schema, 'u', null, false,
                row(TupleValue.text("1"), TupleValue.NULL, TupleValue.NULL), source, this::nextOffset)).isEmpty();
        assertThat(factory.truncate(schema, source, this::nextOffset)).isEmpty();
        assertThat(factory(true, Set.of()).truncate(schema, source, this::nextOffset)).singleElement()
                .satisfies(r -> assertThat(((Struct) r.value()).getString("op")).isEqualTo("t"));
    }

    @Test
    void tablesWithoutPrimaryKeyHaveNoKey() {
        TableSchema keyless = new TableSchema("shop", ORDERS, schema.columns(), List.of(),
                new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA);
        SourceRecord record = factory(true, Set.of()).change(keyless, 'd',
                row(TupleValue.text("1"), TupleValue.text("x"), TupleValue.NULL), true, null, source,
                this::nextOffset).get(0);
        assertThat(record.keySchema()).isNull();
        assertThat(record.key()).isNull();
        assertThat(keyless.rowSchema().field("id").schema().isOptional()).isTrue();
        assertThat(schema.rowSchema().field("id").schema().isOptional()).isFalse();
    }

    @Test
    void aChangedKeyIsADeleteOfTheOldKeyThenACreate() {
        List<SourceRecord> records = factory(true, Set.of()).change(schema, 'u',
                row(TupleValue.text("1"), TupleValue.NULL, TupleValue.NULL), false,
                row(TupleValue.text("2"), TupleValue.text("moved"), TupleValue.NULL), source, this::nextOffset);
        assertThat(records).extracting(r -> r.value() == null ? "tombstone" : ((Struct) r.value()).getString("op"))
                .containsExactly("d", "tombstone", "c");
        assertThat(records).extracting(r -> ((Struct) r.key()).getInt32("id")).containsExactly(1, 1, 2);
        assertThat(((Struct) records.get(2).value()).getStruct("after").getString("note")).isEqualTo("moved");
        assertThat(records).extracting(SourceRecord::sourceOffset).doesNotHaveDuplicates();
    }

    @Test
    void filteredColumnsAreLeftOutButTheKeyStays() {
        TableSchema narrow = new TableSchema("shop", ORDERS, schema.columns(), List.of("id"),
                new TypeMapper(new TypeRegistry(), DecimalHandlingMode.PRECISE), SourceInfo.SCHEMA,
                column -> column.equals("doc"));
        assertThat(narrow.rowSchema().fields()).extracting(f -> f.name()).containsExactly("id", "doc");
        SourceRecord record = factory(true, Set.of()).change(narrow, 'c', null, false,
                row(TupleValue.text("7"), TupleValue.text("secret"), TupleValue.text("{}")), source,
                this::nextOffset).get(0);
        Struct after = ((Struct) record.value()).getStruct("after");
        assertThat(after.getInt32("id")).isEqualTo(7);
        assertThat(after.getString("doc")).isEqualTo("{}");
        assertThat(((Struct) record.key()).getInt32("id")).isEqualTo(7);
    }
}
