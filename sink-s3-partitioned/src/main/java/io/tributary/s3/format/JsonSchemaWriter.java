package io.tributary.s3.format;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes values of one Connect schema as JSON, exactly as {@link JsonValues} does, but planned once per schema:
 * field names are quoted and UTF-8 encoded once, each field's writer is chosen once. A value that does not match
 * its schema's shape is left to {@link JsonValues}, so the output never depends on which of the two wrote it.
 */
abstract class JsonSchemaWriter {

    abstract void write(JsonGenerator json, Object value) throws IOException;

    /** The writer for values of {@code schema}. */
    static JsonSchemaWriter of(Schema schema) {
        return switch (schema.type()) {
            case STRUCT -> new StructWriter(schema);
            case ARRAY -> new ArrayWriter(schema);
            case MAP -> new MapWriter(schema);
            case STRING -> new StringWriter(schema);
            // Numbers, booleans, bytes and the logical types (Decimal, Date, Time, Timestamp) by their value.
            default -> new Dynamic(schema);
        };
    }

    /** Whatever the value is, as {@link JsonValues} writes it. */
    private static final class Dynamic extends JsonSchemaWriter {
        private final Schema schema;

        Dynamic(Schema schema) {
            this.schema = schema;
        }

        @Override
        void write(JsonGenerator json, Object value) throws IOException {
            JsonValues.write(json, schema, value);
        }
    }

    private static final class StringWriter extends JsonSchemaWriter {
        private final Schema schema;

        StringWriter(Schema schema) {
            this.schema = schema;
        }

        @Override
        void write(JsonGenerator json, Object value) throws IOException {
            if (value instanceof String text) {
                json.writeString(text);
            } else {
                JsonValues.write(json, schema, value);
            }
        }
    }

    private static final class StructWriter extends JsonSchemaWriter {
        private final Schema schema;
        private final Field[] fields;
        private final SerializableString[] names;
        private final JsonSchemaWriter[] writers;

        StructWriter(Schema schema) {
            this.schema = schema;
            List<Field> list = schema.fields();
            fields = list.toArray(Field[]::new);
            names = new SerializableString[fields.length];
            writers = new JsonSchemaWriter[fields.length];
            for (int i = 0; i < fields.length; i++) {
                names[i] = new SerializedString(fields[i].name());
                writers[i] = of(fields[i].schema());
            }
        }

        @Override
        void write(JsonGenerator json, Object value) throws IOException {
            // A Struct of an equal schema has the same fields at the same indexes.
            if (!(value instanceof Struct struct) || struct.schema() != schema && !struct.schema().equals(schema)) {
                JsonValues.write(json, schema, value);
                return;
            }
            json.writeStartObject();
            for (int i = 0; i < fields.length; i++) {
                json.writeFieldName(names[i]);
                Object fieldValue = struct.get(fields[i]);
                if (fieldValue == null) {
                    json.writeNull();
                } else {
                    writers[i].write(json, fieldValue);
                }
            }
            json.writeEndObject();
        }
    }

    private static final class ArrayWriter extends JsonSchemaWriter {
        private final Schema schema;
        private final JsonSchemaWriter elements;

        ArrayWriter(Schema schema) {
            this.schema = schema;
            this.elements = of(schema.valueSchema());
        }

        @Override
        void write(JsonGenerator json, Object value) throws IOException {
            if (!(value instanceof Collection<?> list)) {
                JsonValues.write(json, schema, value);
                return;
            }
            json.writeStartArray();
            for (Object element : list) {
                if (element == null) {
                    json.writeNull();
                } else {
                    elements.write(json, element);
                }
            }
            json.writeEndArray();
        }
    }

    private static final class MapWriter extends JsonSchemaWriter {
        private final Schema schema;
        private final JsonSchemaWriter values;

        MapWriter(Schema schema) {
            this.schema = schema;
            this.values = of(schema.valueSchema());
        }

        @Override
        void write(JsonGenerator json, Object value) throws IOException {
            if (!(value instanceof Map<?, ?> map)) {
                JsonValues.write(json, schema, value);
                return;
            }
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                if (entry.getValue() == null) {
                    json.writeNull();
                } else {
                    values.write(json, entry.getValue());
                }
            }
            json.writeEndObject();
        }
    }
}
