package io.tributary.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tributary.common.Version;

class ChangeEventToRowTest {

    private static final Schema ROW = SchemaBuilder.struct().name("cdc.public.customers.Value").version(3).optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.tributary.cdc.Source")
            .field("connector", Schema.STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();
    private static final Schema ENVELOPE = SchemaBuilder.struct().name("cdc.public.customers.Envelope")
            .field("before", ROW)
            .field("after", ROW)
            .field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static final Schema KEY = SchemaBuilder.struct().name("cdc.public.customers.Key")
            .field("id", Schema.INT32_SCHEMA).build();

    private final ChangeEventToRow<SinkRecord> xform = new ChangeEventToRow<>();

    @AfterEach
    void teardown() {
        xform.close();
    }

    // ---- with schema ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"c", "u", "r"})
    void withSchemaEmitsTheAfterRowAsItIs(String op) {
        configure(Map.of());
        Struct after = row(1, "new@example.com");
        SinkRecord record = record(envelope(op, row(1, "old@example.com"), after));

        SinkRecord transformed = xform.apply(record);

        assertThat(transformed.valueSchema()).isSameAs(ROW);
        assertThat(transformed.value()).isSameAs(after);
        assertThat(transformed.keySchema()).isSameAs(KEY);
        assertThat(((Struct) transformed.key()).getInt32("id")).isEqualTo(1);
        assertThat(transformed.topic()).isEqualTo("cdc.public.customers");
        assertThat(transformed.kafkaPartition()).isEqualTo(2);
        assertThat(transformed.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(transformed.headers().lastWithName("trace").value()).isEqualTo("abc");
    }

    @Test
    void withSchemaDeleteBecomesTombstoneByDefault() {
        configure(Map.of());
        SinkRecord transformed = xform.apply(record(envelope("d", row(7, "gone@example.com"), null)));

        assertThat(transformed.value()).isNull();
        assertThat(transformed.valueSchema()).isNull();
        assertThat(((Struct) transformed.key()).getInt32("id")).isEqualTo(1);
        assertThat(transformed.timestamp()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void dropModeDropsDeletesAndTombstonesButKeepsRows() {
        configure(Map.of("delete.tombstone.handling.mode", "drop"));

        assertThat(xform.apply(record(envelope("d", row(7, "x"), null)))).isNull();
        assertThat(xform.apply(record(null))).isNull();
        assertThat(xform.apply(record(envelope("c", null, row(8, "y")))).value()).isEqualTo(row(8, "y"));
    }

    @Test
    void tombstoneModeKeepsTombstones() {
        configure(Map.of("delete.tombstone.handling.mode", "tombstone"));
        SinkRecord tombstone = record(null);

        assertThat(xform.apply(tombstone)).isSameAs(tombstone);
    }

    @Test
    void rewriteModeMarksRowsAndRewritesDeletesToTheBeforeRow() {
        configure(Map.of("delete.tombstone.handling.mode", "rewrite"));

        SinkRecord updated = xform.apply(record(envelope("u", row(1, "old"), row(1, "new"))));
        Struct updatedRow = (Struct) updated.value();
        assertThat(updated.valueSchema().name()).isEqualTo("cdc.public.customers.Value");
        assertThat(updated.valueSchema().version()).isEqualTo(3);
        assertThat(updated.valueSchema().field("__deleted").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(updatedRow.getInt32("id")).isEqualTo(1);
        assertThat(updatedRow.getString("email")).isEqualTo("new");
        assertThat(updatedRow.getString("__deleted")).isEqualTo("false");

        SinkRecord deleted = xform.apply(record(envelope("d", row(7, "gone"), null)));
        Struct deletedRow = (Struct) deleted.value();
        assertThat(deleted.valueSchema()).isSameAs(updated.valueSchema());
        assertThat(deletedRow.getInt32("id")).isEqualTo(7);
        assertThat(deletedRow.getString("email")).isEqualTo("gone");
        assertThat(deletedRow.getString("__deleted")).isEqualTo("true");

        assertThat(xform.apply(record(null))).isNull();
    }

    @Test
    void rewriteWithTombstoneModeRewritesDeletesAndKeepsTombstones() {
        configure(Map.of("delete.tombstone.handling.mode", "Rewrite-With-Tombstone"));
        SinkRecord tombstone = record(null);

        assertThat(xform.apply(tombstone)).isSameAs(tombstone);
        Struct deleted = (Struct) xform.apply(record(envelope("d", row(7, "gone"), null))).value();
        assertThat(deleted.getInt32("id")).isEqualTo(7);
        assertThat(deleted.getString("__deleted")).isEqualTo("true");
        Struct created = (Struct) xform.apply(record(envelope("c", null, row(8, "new")))).value();
        assertThat(created.getString("__deleted")).isEqualTo("false");
    }

    @Test
    void addFieldsCopiesEnvelopeAndSourceFieldsIntoTheRow() {
        configure(Map.of("add.fields", "op,table,lsn,source.ts_ms,ts_ms"));

        SinkRecord transformed = xform.apply(record(envelope("u", row(1, "old"), row(1, "new"))));

        Schema schema = transformed.valueSchema();
        assertThat(schema.name()).isEqualTo("cdc.public.customers.Value");
        assertThat(schema.version()).isEqualTo(3);
        assertThat(schema.isOptional()).isTrue();
        assertThat(schema.fields()).extracting(f -> f.name())
                .containsExactly("id", "email", "__op", "__table", "__lsn", "__source_ts_ms", "__ts_ms");
        assertThat(schema.field("__op").schema().type()).isEqualTo(Schema.Type.STRING);
        assertThat(schema.field("__op").schema().isOptional()).isTrue();
        assertThat(schema.field("__source_ts_ms").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);

        Struct value = (Struct) transformed.value();
        value.validate();
        assertThat(value.getInt32("id")).isEqualTo(1);
        assertThat(value.getString("email")).isEqualTo("new");
        assertThat(value.getString("__op")).isEqualTo("u");
        assertThat(value.getString("__table")).isEqualTo("customers");
        assertThat(value.getInt64("__lsn")).isEqualTo(33_554_432L);
        assertThat(value.getInt64("__source_ts_ms")).isEqualTo(1_699_999_999_000L);
        assertThat(value.getInt64("__ts_ms")).isEqualTo(1_700_000_000_500L);
    }

    @Test
    void addFieldsWithCustomPrefixAndRewrittenDelete() {
        configure(Map.of("add.fields", "op,source.db", "add.fields.prefix", "cdc_",
                "delete.tombstone.handling.mode", "rewrite"));

        Struct value = (Struct) xform.apply(record(envelope("d", row(7, "gone"), null))).value();

        assertThat(value.schema().fields()).extracting(f -> f.name())
                .containsExactly("id", "email", "cdc_op", "cdc_source_db", "__deleted");
        assertThat(value.getString("cdc_op")).isEqualTo("d");
        assertThat(value.getString("cdc_source_db")).isEqualTo("shop");
        assertThat(value.getString("__deleted")).isEqualTo("true");
        assertThat(value.getInt32("id")).isEqualTo(7);
    }

    @Test
    void addFieldsLeavesOutNamesTheEnvelopeDoesNotCarry() {
        configure(Map.of("add.fields", "op,xmin,transaction.id"));

        Struct value = (Struct) xform.apply(record(envelope("c", null, row(1, "a")))).value();

        assertThat(value.schema().fields()).extracting(f -> f.name()).containsExactly("id", "email", "__op");
        assertThat(value.getString("__op")).isEqualTo("c");
    }

    @Test
    void addFieldsRefusesToOverwriteARowField() {
        Schema row = SchemaBuilder.struct().name("clash.Value").optional()
                .field("id", Schema.INT32_SCHEMA).field("__op", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema envelope = SchemaBuilder.struct().name("clash.Envelope")
                .field("before", row).field("after", row).field("op", Schema.STRING_SCHEMA).build();
        configure(Map.of("add.fields", "op"));
        Struct value = new Struct(envelope).put("op", "c").put("after", new Struct(row).put("id", 1));

        assertThatThrownBy(() -> xform.apply(new SinkRecord("t", 0, null, null, envelope, value, 0)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'__op'")
                .hasMessageContaining("add.fields.prefix");
    }

    @Test
    void addHeadersAddsEnvelopeAndSourceFieldsAsHeaders() {
        configure(Map.of("add.headers", "op,db,source.ts_ms", "add.headers.prefix", "cdc."));

        SinkRecord transformed = xform.apply(record(envelope("c", null, row(1, "a"))));

        assertThat(transformed.value()).isEqualTo(row(1, "a"));
        assertHeader(transformed, "cdc.op", "c");
        assertHeader(transformed, "cdc.db", "shop");
        assertHeader(transformed, "cdc.source_ts_ms", 1_699_999_999_000L);
        assertThat(transformed.headers().lastWithName("cdc.source_ts_ms").schema())
                .isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        assertHeader(transformed, "trace", "abc");
    }

    @Test
    void addHeadersIsCarriedByDeletesEmittedAsTombstones() {
        configure(Map.of("add.headers", "op,table"));
        SinkRecord record = record(envelope("d", row(7, "gone"), null));

        SinkRecord transformed = xform.apply(record);

        assertThat(transformed.value()).isNull();
        assertHeader(transformed, "__op", "d");
        assertHeader(transformed, "__table", "customers");
        assertThat(record.headers().lastWithName("__op")).as("input headers untouched").isNull();
    }

    @Test
    void sameInputSchemaGivesTheSameOutputSchemaInstance() {
        configure(Map.of("add.fields", "op,table", "delete.tombstone.handling.mode", "rewrite"));

        Schema first = xform.apply(record(envelope("c", null, row(1, "a")))).valueSchema();
        Schema second = xform.apply(record(envelope("u", row(1, "a"), row(1, "b")))).valueSchema();
        Schema third = xform.apply(record(envelope("d", row(1, "b"), null))).valueSchema();

        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);

        Schema otherRow = SchemaBuilder.struct().name("cdc.public.orders.Value").optional()
                .field("order_id", Schema.INT64_SCHEMA).build();
        Schema otherEnvelope = SchemaBuilder.struct().name("cdc.public.orders.Envelope")
                .field("before", otherRow).field("after", otherRow).field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct order = new Struct(otherEnvelope).put("op", "c").put("source", source())
                .put("after", new Struct(otherRow).put("order_id", 42L));
        SinkRecord transformed = xform.apply(new SinkRecord("cdc.public.orders", 0, null, null, otherEnvelope, order, 0));

        assertThat(transformed.valueSchema()).isNotSameAs(first);
        assertThat(transformed.valueSchema().name()).isEqualTo("cdc.public.orders.Value");
        assertThat(((Struct) transformed.value()).getInt64("order_id")).isEqualTo(42L);
        assertThat(((Struct) transformed.value()).getString("__table")).isEqualTo("customers");
    }

    @Test
    void rewriteWithoutBeforeRowFailsWithAHint() {
        configure(Map.of("delete.tombstone.handling.mode", "rewrite"));

        assertThatThrownBy(() -> xform.apply(record(envelope("d", null, null))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'before'")
                .hasMessageContaining("delete.tombstone.handling.mode");
    }

    @Test
    void unknownOpFails() {
        configure(Map.of());

        assertThatThrownBy(() -> xform.apply(record(envelope("x", null, row(1, "a")))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("op 'x'")
                .hasMessageContaining("cdc.public.customers");
    }

    // ---- schemaless -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"c", "u", "r"})
    void schemalessEmitsTheAfterRow(String op) {
        configure(Map.of());

        SinkRecord transformed = xform.apply(schemaless(envelopeMap(op, rowMap(1, "old"), rowMap(1, "new"))));

        assertThat(transformed.valueSchema()).isNull();
        assertThat(transformed.value()).isEqualTo(Map.of("id", 1, "email", "new"));
    }

    @Test
    void schemalessDeleteModes() {
        Map<String, Object> delete = envelopeMap("d", rowMap(7, "gone"), null);

        configure(Map.of());
        SinkRecord tombstone = xform.apply(schemaless(delete));
        assertThat(tombstone).isNotNull();
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.key()).isEqualTo(Map.of("id", 1));

        configure(Map.of("delete.tombstone.handling.mode", "drop"));
        assertThat(xform.apply(schemaless(delete))).isNull();

        configure(Map.of("delete.tombstone.handling.mode", "rewrite"));
        assertThat(xform.apply(schemaless(delete)).value()).isEqualTo(Map.of("id", 7, "email", "gone", "__deleted", "true"));
        assertThat(xform.apply(schemaless(envelopeMap("c", null, rowMap(8, "new")))).value())
                .isEqualTo(Map.of("id", 8, "email", "new", "__deleted", "false"));
        assertThat(xform.apply(schemaless(null))).isNull();

        configure(Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone"));
        SinkRecord kept = schemaless(null);
        assertThat(xform.apply(kept)).isSameAs(kept);
    }

    @Test
    void schemalessAddFieldsAndHeaders() {
        configure(Map.of("add.fields", "op,table,source.ts_ms,ts_ms,xmin", "add.headers", "op,source.lsn"));

        SinkRecord transformed = xform.apply(schemaless(envelopeMap("u", rowMap(1, "old"), rowMap(1, "new"))));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1);
        expected.put("email", "new");
        expected.put("__op", "u");
        expected.put("__table", "customers");
        expected.put("__source_ts_ms", 1_699_999_999_000L);
        expected.put("__ts_ms", 1_700_000_000_500L);
        assertThat(transformed.value()).isEqualTo(expected);
        assertThat(new ArrayList<Object>(((Map<?, ?>) transformed.value()).keySet()))
                .as("row fields first, then added ones in add.fields order")
                .containsExactlyElementsOf(expected.keySet());
        assertHeader(transformed, "__op", "u");
        assertHeader(transformed, "__source_lsn", 33_554_432L);
        assertThat(transformed.headers().lastWithName("__op").schema()).isNull();
    }

    @Test
    void schemalessAddFieldsRefusesToOverwriteARowField() {
        configure(Map.of("add.fields", "op", "add.fields.prefix", ""));

        assertThatThrownBy(() -> xform.apply(schemaless(envelopeMap("c", null, Map.of("op", "mine")))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'op'");
    }

    // ---- pass-through and truncate --------------------------------------------------------------------------

    @Test
    void nonEnvelopesPassThroughUnchanged() {
        configure(Map.of("add.fields", "op", "delete.tombstone.handling.mode", "rewrite"));
        Schema plain = SchemaBuilder.struct().field("op", Schema.STRING_SCHEMA).field("id", Schema.INT32_SCHEMA).build();
        SinkRecord struct = new SinkRecord("t", 0, null, null, plain, new Struct(plain).put("op", "c").put("id", 1), 0);
        SinkRecord map = schemaless(Map.of("op", "c", "after", "not a row"));
        SinkRecord noOp = schemaless(Map.of("after", Map.of("id", 1)));
        SinkRecord string = new SinkRecord("t", 0, null, null, Schema.STRING_SCHEMA, "hello", 0);

        assertThat(xform.apply(struct)).isSameAs(struct);
        assertThat(xform.apply(map)).isSameAs(map);
        assertThat(xform.apply(noOp)).isSameAs(noOp);
        assertThat(xform.apply(string)).isSameAs(string);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop", "tombstone", "rewrite", "rewrite-with-tombstone"})
    void truncateEventsAreDropped(String mode) {
        configure(Map.of("delete.tombstone.handling.mode", mode));

        assertThat(xform.apply(record(envelope("t", null, null)))).isNull();
        assertThat(xform.apply(schemaless(envelopeMap("t", null, null)))).isNull();
    }

    // ---- configuration --------------------------------------------------------------------------------------

    @Test
    void badModeIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> configure(Map.of("delete.tombstone.handling.mode", "rewrite_with_tombstone")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delete.tombstone.handling.mode")
                .hasMessageContaining("rewrite_with_tombstone");

        Map<String, ConfigValue> results = validate(Map.of("delete.tombstone.handling.mode", "none"));
        assertThat(results.get("delete.tombstone.handling.mode").errorMessages())
                .singleElement().asString().contains("delete.tombstone.handling.mode");
        assertThat(results.get("add.fields").errorMessages()).isEmpty();
    }

    @Test
    void badAddFieldsAreRejectedNamingTheKey() {
        assertThat(validate(Map.of("add.fields", "op,source..ts_ms")).get("add.fields").errorMessages())
                .singleElement().asString().contains("add.fields").contains("source..ts_ms");
        assertThat(validate(Map.of("add.headers", "op,op")).get("add.headers").errorMessages())
                .singleElement().asString().contains("'op' is listed more than once");
        assertThat(validate(Map.of("add.fields.prefix", "my prefix")).get("add.fields.prefix").errorMessages())
                .singleElement().asString().contains("add.fields.prefix");
    }

    @Test
    void addedNamesThatWouldCollideAreRejected() {
        assertThatThrownBy(() -> configure(Map.of("add.fields", "source.ts_ms,source_ts_ms")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("add.fields")
                .hasMessageContaining("__source_ts_ms");
        assertThatThrownBy(() -> configure(Map.of("add.fields", "deleted", "delete.tombstone.handling.mode", "rewrite")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("__deleted");
    }

    @Test
    void modeIsCaseInsensitiveAndTyped() {
        ChangeEventToRowConfig config = new ChangeEventToRowConfig(Map.of("delete.tombstone.handling.mode", "REWRITE"));

        assertThat(config.deleteHandling()).isEqualTo(ChangeEventToRowConfig.DeleteHandling.REWRITE);
        assertThat(new ChangeEventToRowConfig(Map.of()).deleteHandling())
                .isEqualTo(ChangeEventToRowConfig.DeleteHandling.TOMBSTONE);
    }

    @Test
    void everyKeyIsDocumentedAndValidated() {
        ConfigDef def = xform.config();

        assertThat(def.names()).containsExactlyInAnyOrder("delete.tombstone.handling.mode", "add.fields",
                "add.fields.prefix", "add.headers", "add.headers.prefix");
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            assertThat(key.documentation).as("documentation of %s", key.name).isNotBlank();
            if (key.type != ConfigDef.Type.BOOLEAN) {
                assertThat(key.validator).as("validator of %s", key.name).isNotNull();
            }
        }
        assertThat(def.configKeys().get("delete.tombstone.handling.mode").recommender.validValues("", Map.of()))
                .containsExactly("drop", "tombstone", "rewrite", "rewrite-with-tombstone");
    }

    @Test
    void versionIsTheProjectVersion() {
        assertThat(xform.version()).isEqualTo(Version.get()).isNotBlank();
        assertThat(ChangeEventToRow.OVERVIEW_DOC).contains("before").contains("after");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void configure(Map<String, ?> props) {
        xform.configure(props);
    }

    private static Map<String, ConfigValue> validate(Map<String, String> props) {
        Map<String, ConfigValue> byName = new HashMap<>();
        for (ConfigValue value : ChangeEventToRow.CONFIG_DEF.validate(props)) {
            byName.put(value.name(), value);
        }
        return byName;
    }

    private static Struct row(int id, String email) {
        return new Struct(ROW).put("id", id).put("email", email);
    }

    private static Struct source() {
        return new Struct(SOURCE).put("connector", "tributary-cdc").put("db", "shop").put("table", "customers")
                .put("lsn", 33_554_432L).put("ts_ms", 1_699_999_999_000L);
    }

    private static Struct envelope(String op, Struct before, Struct after) {
        return new Struct(ENVELOPE).put("op", op).put("before", before).put("after", after)
                .put("source", source()).put("ts_ms", 1_700_000_000_500L);
    }

    private static SinkRecord record(Struct envelope) {
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace", "abc");
        return new SinkRecord("cdc.public.customers", 2, KEY, new Struct(KEY).put("id", 1),
                envelope == null ? null : ENVELOPE, envelope, 42L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, headers);
    }

    private static Map<String, Object> rowMap(int id, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("email", email);
        return row;
    }

    private static Map<String, Object> envelopeMap(String op, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> source = new HashMap<>();
        source.put("connector", "tributary-cdc");
        source.put("db", "shop");
        source.put("table", "customers");
        source.put("lsn", 33_554_432L);
        source.put("ts_ms", 1_699_999_999_000L);
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("before", before);
        envelope.put("after", after);
        envelope.put("source", source);
        envelope.put("op", op);
        envelope.put("ts_ms", 1_700_000_000_500L);
        return envelope;
    }

    private static SinkRecord schemaless(Map<String, Object> value) {
        return new SinkRecord("cdc.public.customers", 0, null, Map.of("id", 1), null, value, 42L);
    }

    private static void assertHeader(SinkRecord record, String name, Object expected) {
        Header header = record.headers().lastWithName(name);
        assertThat(header).as("header %s", name).isNotNull();
        assertThat(header.value()).as("header %s", name).isEqualTo(expected);
    }
}
