package io.tributary.s3.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/** Converts Connect values to Avro generic data for a schema made by {@link AvroSchemas}. */
final class AvroValues {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private AvroValues() {
    }

    static Object convert(Schema avro, org.apache.kafka.connect.data.Schema connect, Object value) {
        if (value == null) {
            if (!connect.isOptional()) {
                throw new DataException("A value of required type " + connect.type() + " is null");
            }
            return null;
        }
        Schema schema = avro.getType() == Schema.Type.UNION ? avro.getTypes().get(1) : avro;
        if (connect.name() != null) {
            Object logical = logical(connect, value);
            if (logical != null) {
                return logical;
            }
        }
        switch (connect.type()) {
            case INT8:
            case INT16:
            case INT32:
                return ((Number) value).intValue();
            case BYTES:
                return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case ARRAY:
                List<Object> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    items.add(convert(schema.getElementType(), connect.valueSchema(), item));
                }
                return items;
            case MAP:
                return map(schema, connect, (Map<?, ?>) value);
            case STRUCT:
                Struct struct = (Struct) value;
                GenericData.Record record = new GenericData.Record(schema);
                for (Field field : connect.fields()) {
                    Schema.Field avroField = schema.getField(AvroSchemas.sanitize(field.name()));
                    record.put(avroField.pos(), convert(avroField.schema(), field.schema(), struct.get(field)));
                }
                return record;
            default:
                return value; // INT64, FLOAT32, FLOAT64, BOOLEAN, STRING: the same Java types
        }
    }

    private static Object map(Schema schema, org.apache.kafka.connect.data.Schema connect, Map<?, ?> map) {
        if (schema.getType() == Schema.Type.MAP) {
            Map<String, Object> out = new HashMap<>();
            map.forEach((k, v) -> out.put((String) k, convert(schema.getValueType(), connect.valueSchema(), v)));
            return out;
        }
        Schema entry = schema.getElementType();
        List<Object> entries = new ArrayList<>();
        map.forEach((k, v) -> {
            GenericData.Record record = new GenericData.Record(entry);
            record.put("key", convert(entry.getField("key").schema(), connect.keySchema(), k));
            record.put("value", convert(entry.getField("value").schema(), connect.valueSchema(), v));
            entries.add(record);
        });
        return entries;
    }

    private static Object logical(org.apache.kafka.connect.data.Schema connect, Object value) {
        switch (connect.name()) {
            case Decimal.LOGICAL_NAME:
                return ByteBuffer.wrap(((BigDecimal) value).unscaledValue().toByteArray());
            case Date.LOGICAL_NAME:
                return (int) Math.floorDiv(((java.util.Date) value).getTime(), MILLIS_PER_DAY);
            case Time.LOGICAL_NAME:
                return (int) Math.floorMod(((java.util.Date) value).getTime(), MILLIS_PER_DAY);
            case Timestamp.LOGICAL_NAME:
                return ((java.util.Date) value).getTime();
            default:
                return null;
        }
    }
}
