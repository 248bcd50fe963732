package io.tributary.s3.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.errors.DataException;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes Connect data as JSON: Structs and Maps as objects, decimals as strings (JSON numbers lose their scale),
 * Timestamp as ISO-8601 UTC, Date as yyyy-MM-dd, Time as HH:mm:ss.SSS, bytes as base64.
 */
final class JsonValues {

    private JsonValues() {
    }

    static void write(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Struct struct) {
            json.writeStartObject();
            for (Field field : struct.schema().fields()) {
                json.writeFieldName(field.name());
                write(json, field.schema(), struct.get(field));
            }
            json.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, schema == null ? null : schema.valueSchema(), entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                write(json, schema == null ? null : schema.valueSchema(), element);
            }
            json.writeEndArray();
        } else {
            writeScalar(json, schema, value);
        }
    }

    private static void writeScalar(JsonGenerator json, Schema schema, Object value) throws IOException {
        if (value instanceof String s) {
            json.writeString(s);
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            json.writeString(decimal.toPlainString());
        } else if (value instanceof byte[] bytes) {
            json.writeBinary(bytes);
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            json.writeBinary(bytes);
        } else if (value instanceof Date date) {
            json.writeString(dateText(schema, date));
        } else {
            throw new DataException("Cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static String dateText(Schema schema, Date date) {
        String logical = schema == null ? null : schema.name();
        Instant instant = date.toInstant();
        if (org.apache.kafka.connect.data.Date.LOGICAL_NAME.equals(logical)) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        }
        if (Time.LOGICAL_NAME.equals(logical)) {
            return instant.atOffset(ZoneOffset.UTC).toLocalTime().toString();
        }
        return instant.toString(); // Timestamp, or a schemaless java.util.Date
    }
}
