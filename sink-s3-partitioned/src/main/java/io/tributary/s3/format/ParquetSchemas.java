package io.tributary.s3.format;

import java.math.BigInteger;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * Converts a Connect value schema to a Parquet message type. A struct's fields become the columns; any other value
 * becomes one column named {@code value}. Optional becomes OPTIONAL; Decimal becomes DECIMAL (INT32, INT64 or
 * FIXED_LEN_BYTE_ARRAY by precision), Date DATE, Time TIME(MILLIS), Timestamp TIMESTAMP (UTC-adjusted, millis or
 * micros), a string named as a UUID becomes UUID; arrays are 3-level LISTs and maps MAPs (keys are required).
 */
final class ParquetSchemas {

    /** Schema names that mark a string holding a UUID (Debezium's, and a plain one). */
    static final String DEBEZIUM_UUID = "io.debezium.data.Uuid";
    static final String UUID = "uuid";
    static final String VALUE_COLUMN = "value";
    private static final int DEFAULT_PRECISION = 38;

    private ParquetSchemas() {
    }

    static MessageType toParquet(Schema connect, TimestampUnit unit) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        if (connect.type() == Schema.Type.STRUCT) {
            for (Field field : connect.fields()) {
                message.addField(type(field.schema(), field.name(), repetition(field.schema()), unit));
            }
        } else {
            message.addField(type(connect, VALUE_COLUMN, repetition(connect), unit));
        }
        return message.named(connect.name() == null ? "record" : AvroSchemas.sanitize(connect.name()));
    }

    static boolean isUuid(Schema connect) {
        return connect.type() == Schema.Type.STRING
                && (DEBEZIUM_UUID.equals(connect.name()) || UUID.equals(connect.name()));
    }

    /** The precision a Decimal schema is written with: its declared one, else 38 (at least the scale). */
    static int precision(Schema decimal) {
        String declared = decimal.parameters().get(AvroSchemas.PRECISION_PARAMETER);
        int scale = scale(decimal);
        return declared == null ? Math.max(DEFAULT_PRECISION, scale) : Integer.parseInt(declared);
    }

    static int scale(Schema decimal) {
        return Integer.parseInt(decimal.parameters().get(Decimal.SCALE_FIELD));
    }

    /** Bytes of a big-endian two's-complement FIXED_LEN_BYTE_ARRAY that holds every value of this precision. */
    static int fixedLength(int precision) {
        return (BigInteger.TEN.pow(precision).bitLength() + 1 + 7) / 8;
    }

    private static Repetition repetition(Schema connect) {
        return connect.isOptional() ? Repetition.OPTIONAL : Repetition.REQUIRED;
    }

    private static Type type(Schema connect, String name, Repetition repetition, TimestampUnit unit) {
        Type logical = logical(connect, name, repetition, unit);
        if (logical != null) {
            return logical;
        }
        switch (connect.type()) {
            case INT8:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(8, true)).named(name);
            case INT16:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(16, true)).named(name);
            case INT32:
                return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case INT64:
                return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT32:
                return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case FLOAT64:
                return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case BOOLEAN:
                return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case STRING:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(name);
            case BYTES:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case ARRAY:
                return Types.buildGroup(repetition).as(LogicalTypeAnnotation.listType())
                        .addField(Types.repeatedGroup()
                                .addField(type(connect.valueSchema(), "element",
                                        repetition(connect.valueSchema()), unit))
                                .named("list"))
                        .named(name);
            case MAP:
                return Types.buildGroup(repetition).as(LogicalTypeAnnotation.mapType())
                        .addField(Types.repeatedGroup()
                                .addField(type(connect.keySchema(), "key", Repetition.REQUIRED, unit))
                                .addField(type(connect.valueSchema(), "value",
                                        repetition(connect.valueSchema()), unit))
                                .named("key_value"))
                        .named(name);
            case STRUCT:
                Types.GroupBuilder<org.apache.parquet.schema.GroupType> group = Types.buildGroup(repetition);
                if (connect.fields().isEmpty()) {
                    throw new DataException("Cannot write the empty struct '" + name + "' as Parquet");
                }
                for (Field field : connect.fields()) {
                    group.addField(type(field.schema(), field.name(), repetition(field.schema()), unit));
                }
                return group.named(name);
            default:
                throw new DataException("Cannot write Connect type " + connect.type() + " as Parquet");
        }
    }

    private static Type logical(Schema connect, String name, Repetition repetition, TimestampUnit unit) {
        if (connect.name() == null) {
            return null;
        }
        if (isUuid(connect)) {
            return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(16)
                    .as(LogicalTypeAnnotation.uuidType()).named(name);
        }
        switch (connect.name()) {
            case Decimal.LOGICAL_NAME:
                int precision = precision(connect);
                int scale = scale(connect);
                if (scale < 0 || scale > precision) {
                    throw new DataException("Cannot write decimal '" + name + "' with scale " + scale
                            + " and precision " + precision + " as Parquet");
                }
                LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(scale, precision);
                if (precision <= 9) {
                    return Types.primitive(PrimitiveTypeName.INT32, repetition).as(decimal).named(name);
                }
                if (precision <= 18) {
                    return Types.primitive(PrimitiveTypeName.INT64, repetition).as(decimal).named(name);
                }
                return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                        .length(fixedLength(precision)).as(decimal).named(name);
            case Date.LOGICAL_NAME:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(name);
            case Time.LOGICAL_NAME:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.timeType(true, TimeUnit.MILLIS)).named(name);
            case Timestamp.LOGICAL_NAME:
                return Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true,
                                unit == TimestampUnit.MICROS ? TimeUnit.MICROS : TimeUnit.MILLIS))
                        .named(name);
            default:
                return null;
        }
    }
}
