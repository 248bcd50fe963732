package io.tributary.cdc.event;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import io.tributary.cdc.types.FallbackValues;
import io.tributary.cdc.types.TypeMapper;
import io.tributary.cdc.types.ValueConverter;

/**
 * The Connect schemas of one table's events (key, row, envelope), named and shaped as Debezium 3.6 shapes them, and
 * the conversion of a row's text form into them. Primary-key columns and NOT NULL columns that cannot be TOASTed are
 * required, every other column optional ({@link ColumnInfo#alwaysHasValue()}); primary-key columns are always
 * emitted, the others only if the column filter keeps them.
 */
public final class TableSchema {

    /** Debezium's transaction block ({@code provide.transaction.metadata}); null while that is not supported. */
    public static final Schema TRANSACTION_BLOCK = SchemaBuilder.struct().name("event.block").version(1).optional()
            .field("id", Schema.STRING_SCHEMA)
            .field("total_order", Schema.INT64_SCHEMA)
            .field("data_collection_order", Schema.INT64_SCHEMA)
            .build();

    private final TableId table;
    private final String topic;
    private final List<String> primaryKey;
    private final List<ColumnInfo> columns;
    /** For each field of the row schema, the index of its column in {@link #columns}. */
    private final int[] sourceIndexes;
    private final List<ValueConverter> converters;
    private final int[] keyFields;
    private final Schema keySchema;
    private final Schema rowSchema;
    private final Schema envelopeSchema;

    public TableSchema(String topicPrefix, TableId table, List<ColumnInfo> columns, List<String> primaryKey,
            TypeMapper types, Schema sourceSchema) {
        this(topicPrefix, table, columns, primaryKey, types, sourceSchema, column -> true);
    }

    /** {@code emitColumn} decides which non-key columns the events carry. */
    public TableSchema(String topicPrefix, TableId table, List<ColumnInfo> columns, List<String> primaryKey,
            TypeMapper types, Schema sourceSchema, Predicate<String> emitColumn) {
        this(topicPrefix, table, columns, primaryKey, primaryKey, types, sourceSchema, emitColumn);
    }

    /**
     * As above, with record keys of {@code messageKey} ({@code message.key.columns}) rather than the primary key:
     * those columns are always emitted, and keep their own optionality (only primary-key columns and NOT NULL columns
     * that cannot be TOASTed are required).
     */
    public TableSchema(String topicPrefix, TableId table, List<ColumnInfo> columns, List<String> primaryKey,
            List<String> messageKey, TypeMapper types, Schema sourceSchema, Predicate<String> emitColumn) {
        this.table = table;
        this.primaryKey = List.copyOf(primaryKey);
        this.columns = List.copyOf(columns);
        String baseName = topicPrefix + "." + table.schema() + "." + table.table();
        this.topic = baseName;
        SchemaBuilder row = SchemaBuilder.struct().name(baseName + ".Value").optional();
        List<ValueConverter> kept = new ArrayList<>(columns.size());
        List<Integer> indexes = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo column = columns.get(i);
            boolean key = primaryKey.contains(column.name());
            if (key || messageKey.contains(column.name()) || emitColumn.test(column.name())) {
                ValueConverter converter = types.converter(column.typeOid(), column.typeModifier(),
                        !key && !column.alwaysHasValue());
                kept.add(converter);
                indexes.add(i);
                row.field(column.name(), converter.schema());
            }
        }
        this.converters = List.copyOf(kept);
        this.sourceIndexes = indexes.stream().mapToInt(Integer::intValue).toArray();
        this.rowSchema = row.build();
        this.keyFields = messageKey.stream().mapToInt(this::fieldOf).toArray();
        if (keyFields.length == 0) {
            this.keySchema = null;
        } else {
            SchemaBuilder key = SchemaBuilder.struct().name(baseName + ".Key");
            for (int field : keyFields) {
                key.field(rowSchema.fields().get(field).name(), converters.get(field).schema());
            }
            this.keySchema = key.build();
        }
        this.envelopeSchema = SchemaBuilder.struct().name(baseName + ".Envelope").version(2)
                .field("before", rowSchema)
                .field("after", rowSchema)
                .field("source", sourceSchema)
                .field("transaction", TRANSACTION_BLOCK)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    private int fieldOf(String column) {
        Field field = rowSchema.field(column);
        if (field == null) {
            throw new DataException("Key column " + column + " is not a column of " + table);
        }
        return field.index();
    }

    public TableId table() {
        return table;
    }

    /** {@code <topic.prefix>.<schema>.<table>}: the topic of the table's events (and the base of its schema names). */
    public String topic() {
        return topic;
    }

    /** Every column the row texts hold, emitted or not, in their order. */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** The key schema, or null when the table has no primary key. */
    public Schema keySchema() {
        return keySchema;
    }

    public Schema rowSchema() {
        return rowSchema;
    }

    public Schema envelopeSchema() {
        return envelopeSchema;
    }

    /** The primary-key columns (which order snapshot reads), whatever columns the record key holds. */
    public List<String> keyColumns() {
        return primaryKey;
    }

    /**
     * The row as a Struct; unchanged TOASTed columns are left null (their fields are optional) and added to
     * {@code unchanged} if not null.
     */
    public Struct row(RowText text, List<String> unchanged) {
        Struct struct = new Struct(rowSchema);
        List<Field> fields = rowSchema.fields();
        for (int f = 0; f < sourceIndexes.length; f++) {
            int i = sourceIndexes[f];
            Field field = fields.get(f);
            if (text.unchanged(i)) {
                if (unchanged != null) {
                    unchanged.add(columns.get(i).name());
                }
                putFallbackIfRequired(struct, field);
                continue;
            }
            String value = text.text(i);
            if (value == null) {
                putFallbackIfRequired(struct, field);
            } else {
                Object converted;
                try {
                    converted = converters.get(f).convert(value);
                } catch (RuntimeException e) {
                    throw new DataException("Cannot convert column " + columns.get(i).name() + " of " + table
                            + " (type oid " + columns.get(i).typeOid() + "): " + e.getMessage(), e);
                }
                if (converted == null) {
                    putFallbackIfRequired(struct, field);
                } else {
                    struct.put(field, converted);
                }
            }
        }
        return struct;
    }

    /**
     * A required column without a value (not in a key-only before image) gets its type's zero value, as Debezium
     * does.
     */
    private static void putFallbackIfRequired(Struct struct, Field field) {
        if (!field.schema().isOptional()) {
            struct.put(field, FallbackValues.of(field.schema()));
        }
    }

    /** The key Struct taken from {@code row}, or null when the table has no primary key. */
    public Struct key(Struct row) {
        if (keySchema == null || row == null) {
            return null;
        }
        Struct key = new Struct(keySchema);
        List<Field> fields = rowSchema.fields();
        for (int field : keyFields) {
            key.put(fields.get(field).name(), row.get(fields.get(field)));
        }
        return key;
    }
}
