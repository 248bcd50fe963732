package io.tributary.s3.format;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Converts a Connect schema to an Avro schema: optional becomes a union with null (default null), Decimal/Date/Time/
 * Timestamp become Avro's decimal/date/time-millis/timestamp-millis, maps with non-string keys become arrays of
 * key/value records. Nested records are named after their path, so names never clash.
 */
final class AvroSchemas {

    static final String PRECISION_PARAMETER = "connect.decimal.precision";
    private static final int DEFAULT_PRECISION = 38;

    private AvroSchemas() {
    }

    static Schema toAvro(org.apache.kafka.connect.data.Schema connect) {
        String name = connect.name() == null ? "Record" : connect.name();
        return optional(connect, convert(connect, sanitize(name)));
    }

    private static Schema convert(org.apache.kafka.connect.data.Schema connect, String name) {
        Schema logical = logical(connect);
        if (logical != null) {
            return logical;
        }
        switch (connect.type()) {
            case INT8:
            case INT16:
            case INT32:
                return Schema.create(Schema.Type.INT);
            case INT64:
                return Schema.create(Schema.Type.LONG);
            case FLOAT32:
                return Schema.create(Schema.Type.FLOAT);
            case FLOAT64:
                return Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN:
                return Schema.create(Schema.Type.BOOLEAN);
            case STRING:
                return Schema.create(Schema.Type.STRING);
            case BYTES:
                return Schema.create(Schema.Type.BYTES);
            case ARRAY:
                return Schema.createArray(field(connect.valueSchema(), name + "_item"));
            case MAP:
                if (connect.keySchema().type() == org.apache.kafka.connect.data.Schema.Type.STRING
                        && !connect.keySchema().isOptional()) {
                    return Schema.createMap(field(connect.valueSchema(), name + "_value"));
                }
                return Schema.createArray(SchemaBuilder.record(name + "_entry").fields()
                        .name("key").type(field(connect.keySchema(), name + "_key")).noDefault()
                        .name("value").type(field(connect.valueSchema(), name + "_value")).noDefault()
                        .endRecord());
            case STRUCT:
                List<Schema.Field> fields = new ArrayList<>();
                for (Field field : connect.fields()) {
                    Schema type = field(field.schema(), name + "_" + sanitize(field.name()));
                    fields.add(new Schema.Field(sanitize(field.name()), type, null,
                            field.schema().isOptional() ? Schema.Field.NULL_DEFAULT_VALUE : null));
                }
                return Schema.createRecord(name, connect.doc(), null, false, fields);
            default:
                throw new DataException("Cannot write Connect type " + connect.type() + " as Avro");
        }
    }

    private static Schema field(org.apache.kafka.connect.data.Schema connect, String name) {
        return optional(connect, convert(connect, name));
    }

    private static Schema optional(org.apache.kafka.connect.data.Schema connect, Schema schema) {
        return connect.isOptional() ? Schema.createUnion(Schema.create(Schema.Type.NULL), schema) : schema;
    }

    private static Schema logical(org.apache.kafka.connect.data.Schema connect) {
        if (connect.name() == null) {
            return null;
        }
        switch (connect.name()) {
            case Decimal.LOGICAL_NAME:
                int scale = Integer.parseInt(connect.parameters().get(Decimal.SCALE_FIELD));
                String declared = connect.parameters().get(PRECISION_PARAMETER);
                int precision = declared == null ? Math.max(DEFAULT_PRECISION, scale) : Integer.parseInt(declared);
                return LogicalTypes.decimal(precision, scale).addToSchema(Schema.create(Schema.Type.BYTES));
            case Date.LOGICAL_NAME:
                return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case Time.LOGICAL_NAME:
                return LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
            case Timestamp.LOGICAL_NAME:
                return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            default:
                return null;
        }
    }

    /** An Avro name: letters, digits and '_', not starting with a digit; a dotted Connect name keeps its last part. */
    static String sanitize(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        StringBuilder out = new StringBuilder(simple.length() + 1);
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' ? c : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }
}
