package io.tributary.benchmarks.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * The ceiling's JSON lines: each value as one line of JSON with Jackson's streaming generator, fields in schema
 * order, integers as JSON integers and floats as JSON numbers, as the sink writes {@link BenchRecords} values.
 */
public final class JsonLinesEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesEncoder() {
    }

    /** The object holding {@code values}, one line each. */
    public static byte[] encode(List<Struct> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(values.size() * 224);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setRootValueSeparator(null);
            for (Struct value : values) {
                write(json, value);
                json.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator json, Struct value) throws IOException {
        json.writeStartObject();
        for (Field field : value.schema().fields()) {
            json.writeFieldName(field.name());
            Object fieldValue = value.get(field);
            switch (field.schema().type()) {
                case INT8, INT16, INT32, INT64 -> json.writeNumber(((Number) fieldValue).longValue());
                case FLOAT32, FLOAT64 -> json.writeNumber(((Number) fieldValue).doubleValue());
                case STRING -> json.writeString((String) fieldValue);
                case BOOLEAN -> json.writeBoolean((Boolean) fieldValue);
                default -> throw new IllegalArgumentException("The benchmark records have no " + field.schema().type()
                        + " fields");
            }
        }
        json.writeEndObject();
    }
}
