package io.tributary.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.Requirements;
import org.apache.kafka.connect.transforms.util.SchemaUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.common.Version;
import io.tributary.transforms.ChangeEventToRowConfig.DeleteHandling;

/**
 * Turns Debezium-style change-event envelopes into plain rows, like Debezium's {@code ExtractNewRecordState}
 * but without the Debezium jars on the Connect cluster.
 */
public class ChangeEventToRow<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {

    public static final String OVERVIEW_DOC =
            "Replaces a change-event envelope (fields 'before', 'after', 'source', 'op', 'ts_ms') in the record value "
            + "with the row it carries: the 'after' row for creates ('c'), updates ('u') and snapshot reads ('r'); "
            + "delete events ('d') are dropped, turned into tombstones or rewritten to their 'before' row as set by '"
            + ChangeEventToRowConfig.DELETE_TOMBSTONE_HANDLING_MODE + "'; truncate events ('t') are dropped. "
            + "Envelope and source fields can be copied into the row ('" + ChangeEventToRowConfig.ADD_FIELDS
            + "') or into headers ('" + ChangeEventToRowConfig.ADD_HEADERS + "'). Values with a schema (Struct) and "
            + "schemaless values (Map) are both supported; any other record passes through unchanged. "
            + "Config names follow Debezium's io.debezium.transforms.ExtractNewRecordState.";

    public static final ConfigDef CONFIG_DEF = ChangeEventToRowConfig.configDef();

    private static final Logger log = LoggerFactory.getLogger(ChangeEventToRow.class);

    private static final String OP = "op";
    private static final String BEFORE = "before";
    private static final String AFTER = "after";
    private static final String PURPOSE = "change-event row";
    // One entry per captured table: sized for a CDC connector with many tables, not for Kafka's usual 16.
    private static final int PLAN_CACHE_SIZE = 256;

    private ChangeEventToRowConfig config;
    private Cache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> props) {
        config = new ChangeEventToRowConfig(props);
        plans = new SynchronizedCache<>(new LRUCache<>(PLAN_CACHE_SIZE));
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        if (value == null) {
            return config.deleteHandling().keepsTombstones() ? record : null;
        }
        if (value instanceof Struct && isEnvelope(((Struct) value).schema())) {
            return applyWithSchema(record, (Struct) value);
        }
        if (value instanceof Map && isEnvelope((Map<?, ?>) value)) {
            return applySchemaless(record, (Map<?, ?>) value);
        }
        return record;
    }

    private R applyWithSchema(R record, Struct envelope) {
        Operation op = Operation.of(envelope.get(OP), record);
        if (op == Operation.TRUNCATE || (op == Operation.DELETE && config.deleteHandling() == DeleteHandling.DROP)) {
            return null;
        }
        Plan plan = plan(envelope.schema());
        Headers headers = record.headers().duplicate();
        for (EnvelopeField.Bound header : plan.headers) {
            headers.add(header.outputName(), header.valueIn(envelope), header.schema());
        }
        if (op == Operation.DELETE && config.deleteHandling() == DeleteHandling.TOMBSTONE) {
            return tombstone(record, headers);
        }
        boolean deleted = op == Operation.DELETE;
        String rowField = deleted ? BEFORE : AFTER;
        Struct row = envelope.schema().field(rowField) == null ? null : envelope.getStruct(rowField);
        if (row == null) {
            throw missingRow(record, op, rowField);
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                plan.schema, plan.toRow(envelope, row, deleted), record.timestamp(), headers);
    }

    private R applySchemaless(R record, Map<?, ?> envelope) {
        Operation op = Operation.of(envelope.get(OP), record);
        if (op == Operation.TRUNCATE || (op == Operation.DELETE && config.deleteHandling() == DeleteHandling.DROP)) {
            return null;
        }
        Headers headers = record.headers().duplicate();
        for (EnvelopeField header : config.addHeaders()) {
            Object value = header.valueIn(envelope);
            if (value != EnvelopeField.ABSENT) {
                headers.add(header.outputName(), value, null);
            }
        }
        if (op == Operation.DELETE && config.deleteHandling() == DeleteHandling.TOMBSTONE) {
            return tombstone(record, headers);
        }
        boolean deleted = op == Operation.DELETE;
        String rowField = deleted ? BEFORE : AFTER;
        Object row = envelope.get(rowField);
        if (row == null) {
            throw missingRow(record, op, rowField);
        }
        Map<String, Object> out = new LinkedHashMap<>(Requirements.requireMap(row, PURPOSE));
        for (EnvelopeField field : config.addFields()) {
            Object value = field.valueIn(envelope);
            if (value != EnvelopeField.ABSENT) {
                putAdded(out, field.outputName(), value);
            }
        }
        if (config.deleteHandling().rewritesDeletes()) {
            putAdded(out, ChangeEventToRowConfig.DELETED_FIELD, Boolean.toString(deleted));
        }
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                null, out, record.timestamp(), headers);
    }

    private R tombstone(R record, Headers headers) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                null, null, record.timestamp(), headers);
    }

    private static void putAdded(Map<String, Object> row, String name, Object value) {
        if (row.containsKey(name)) {
            throw new DataException("The row already has a field named '" + name + "'; choose another "
                    + ChangeEventToRowConfig.ADD_FIELDS_PREFIX + " so metadata does not overwrite row data");
        }
        row.put(name, value);
    }

    private static DataException missingRow(ConnectRecord<?> record, Operation op, String rowField) {
        String hint = op != Operation.DELETE ? ""
                : "; without one a delete can only be emitted with " + ChangeEventToRowConfig.DELETE_TOMBSTONE_HANDLING_MODE
                        + "=drop or tombstone (or check the source table's replica identity)";
        return new DataException("Change event with op '" + op.code + "' on topic " + record.topic()
                + " has no '" + rowField + "' row" + hint);
    }

    private Plan plan(Schema envelopeSchema) {
        Plan plan = plans.get(envelopeSchema);
        if (plan == null) {
            plan = new Plan(envelopeSchema, config);
            plans.put(envelopeSchema, plan);
        }
        return plan;
    }

    static boolean isEnvelope(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT) {
            return false;
        }
        Field op = schema.field(OP);
        Field after = schema.field(AFTER);
        return op != null && op.schema().type() == Schema.Type.STRING
                && after != null && after.schema().type() == Schema.Type.STRUCT;
    }

    static boolean isEnvelope(Map<?, ?> value) {
        Object after = value.get(AFTER);
        return value.get(OP) instanceof String && value.containsKey(AFTER) && (after == null || after instanceof Map);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void close() {
        plans = null;
    }

    /** The {@code op} codes of change events. */
    private enum Operation {
        CREATE("c"), UPDATE("u"), DELETE("d"), READ("r"), TRUNCATE("t");

        final String code;

        Operation(String code) {
            this.code = code;
        }

        static Operation of(Object code, ConnectRecord<?> record) {
            for (Operation op : values()) {
                if (op.code.equals(code)) {
                    return op;
                }
            }
            throw new DataException("Change event on topic " + record.topic() + " has op '" + code
                    + "'; expected one of c, u, d, r, t");
        }
    }

    /** What to do with envelopes of one schema: the output schema and where added fields and headers come from. */
    private static final class Plan {
        final Schema schema;
        final List<EnvelopeField.Bound> headers;
        private final Schema rowSchema;
        private final Field[] rowFieldsIn;
        private final Field[] rowFieldsOut;
        private final List<EnvelopeField.Bound> fields;
        private final Field[] addedFields;
        private final Field deletedField;

        Plan(Schema envelopeSchema, ChangeEventToRowConfig config) {
            rowSchema = envelopeSchema.field(AFTER).schema();
            fields = bind(envelopeSchema, ChangeEventToRowConfig.ADD_FIELDS, config.addFields());
            headers = bind(envelopeSchema, ChangeEventToRowConfig.ADD_HEADERS, config.addHeaders());
            boolean rewrite = config.deleteHandling().rewritesDeletes();
            if (fields.isEmpty() && !rewrite) {
                // Nothing to add: the 'after' row is the output as it is, and keeps its schema instance.
                schema = rowSchema;
            } else {
                SchemaBuilder builder = SchemaUtil.copySchemaBasics(rowSchema, SchemaBuilder.struct());
                if (rowSchema.isOptional()) {
                    builder.optional();
                }
                for (Field field : rowSchema.fields()) {
                    builder.field(field.name(), field.schema());
                }
                for (EnvelopeField.Bound field : fields) {
                    builder.field(addedName(field.outputName()), field.schema());
                }
                if (rewrite) {
                    builder.field(addedName(ChangeEventToRowConfig.DELETED_FIELD), Schema.OPTIONAL_STRING_SCHEMA);
                }
                schema = builder.build();
            }
            rowFieldsIn = rowSchema.fields().toArray(new Field[0]);
            rowFieldsOut = rowSchema.fields().stream().map(field -> schema.field(field.name())).toArray(Field[]::new);
            addedFields = fields.stream().map(field -> schema.field(field.outputName())).toArray(Field[]::new);
            deletedField = rewrite ? schema.field(ChangeEventToRowConfig.DELETED_FIELD) : null;
        }

        Struct toRow(Struct envelope, Struct row, boolean deleted) {
            if (schema == rowSchema && row.schema() == rowSchema) {
                return row;
            }
            Struct out = new Struct(schema);
            boolean sameSchema = row.schema() == rowSchema;
            for (int i = 0; i < rowFieldsOut.length; i++) {
                // A 'before' row may come with its own schema instance; only then look its fields up by name.
                Field in = sameSchema ? rowFieldsIn[i] : row.schema().field(rowFieldsOut[i].name());
                if (in != null) {
                    out.put(rowFieldsOut[i], row.get(in));
                }
            }
            for (int i = 0; i < addedFields.length; i++) {
                out.put(addedFields[i], fields.get(i).valueIn(envelope));
            }
            if (deletedField != null) {
                out.put(deletedField, Boolean.toString(deleted));
            }
            return out;
        }

        private String addedName(String name) {
            if (rowSchema.field(name) != null) {
                throw new DataException("Rows of " + describe(rowSchema) + " already have a field named '" + name
                        + "'; choose another " + ChangeEventToRowConfig.ADD_FIELDS_PREFIX
                        + " so metadata does not overwrite row data");
            }
            return name;
        }

        private static List<EnvelopeField.Bound> bind(Schema envelopeSchema, String key, List<EnvelopeField> entries) {
            List<EnvelopeField.Bound> bound = new ArrayList<>(entries.size());
            for (EnvelopeField entry : entries) {
                EnvelopeField.Bound field = entry.bind(envelopeSchema);
                if (field == null) {
                    log.warn("{} names '{}', but change events of {} have no such field; it is left out of them. "
                            + "Check the name against the envelope and its 'source' struct.",
                            key, entry.configName(), describe(envelopeSchema));
                } else {
                    bound.add(field);
                }
            }
            return bound;
        }

        private static String describe(Schema schema) {
            return schema.name() == null ? "an unnamed schema" : "schema " + schema.name();
        }
    }
}
