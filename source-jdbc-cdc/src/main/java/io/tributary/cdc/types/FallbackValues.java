package io.tributary.cdc.types;

import java.math.BigDecimal;
import java.util.List;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * The value a required (NOT NULL) field gets when the change does not carry one: a column missing from a key-only
 * before image, or an unchanged TOASTed value. Like Debezium: the schema's default if it has one, else the type's
 * zero ({@code 0}, {@code false}, {@code ""}, no bytes, an empty array, decimal zero at the column's scale; the epoch
 * for temporal types, in ISO-8601 for Debezium's Iso types).
 */
public final class FallbackValues {

    private static final byte[] NO_BYTES = new byte[0];
    /** Connect's temporal logical types hold java.util.Date values, whose zero is the epoch. */
    private static final java.util.Set<String> CONNECT_TEMPORALS = java.util.Set.of(
            org.apache.kafka.connect.data.Date.LOGICAL_NAME, org.apache.kafka.connect.data.Time.LOGICAL_NAME,
            org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME);
    /** Debezium's zero values of its ISO-8601 string types: the epoch. */
    private static final java.util.Map<String, String> ISO_TEMPORALS = java.util.Map.of(
            LogicalTypes.ISO_DATE, "1970-01-01Z", LogicalTypes.ISO_TIME, "00:00:00Z",
            LogicalTypes.ISO_TIMESTAMP, "1970-01-01T00:00:00Z");

    private FallbackValues() {
    }

    public static Object of(Schema schema) {
        if (schema.defaultValue() != null) {
            return schema.defaultValue();
        }
        if (LogicalTypes.VARIABLE_SCALE_DECIMAL.equals(schema.name())) {
            return new Struct(schema).put("scale", 0).put("value", new byte[] {0});
        }
        if (schema.name() != null && CONNECT_TEMPORALS.contains(schema.name())) {
            return new java.util.Date(0L);
        }
        if (schema.name() != null && ISO_TEMPORALS.containsKey(schema.name())) {
            return ISO_TEMPORALS.get(schema.name());
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            return BigDecimal.ZERO.setScale(Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD)));
        }
        return switch (schema.type()) {
            case INT8 -> (byte) 0;
            case INT16 -> (short) 0;
            case INT32 -> 0;
            case INT64 -> 0L;
            case FLOAT32 -> 0.0f;
            case FLOAT64 -> 0.0d;
            case BOOLEAN -> false;
            case STRING -> "";
            case BYTES -> NO_BYTES;
            case ARRAY -> List.of();
            case MAP -> java.util.Map.of();
            case STRUCT -> zeroStruct(schema);
        };
    }

    private static Struct zeroStruct(Schema schema) {
        Struct struct = new Struct(schema);
        schema.fields().forEach(field -> {
            if (!field.schema().isOptional()) {
                struct.put(field, of(field.schema()));
            }
        });
        return struct;
    }
}
