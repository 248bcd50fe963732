package io.tributary.benchmarks.s3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * The {@link BenchRecords} value as its bare JSON payload (the JSON line without the newline), with the schema known
 * out of band, as a schema-registry converter knows it: each record costs one parse of its ~200 bytes, not of a
 * schema envelope 3.5 times larger as with JsonConverter's {@code schemas.enable=true}. Only for the benchmark
 * records; the worker loads it from the benchmark JVM's classpath.
 */
public final class OrderPayloadConverter implements Converter {

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        byte[] line = JsonLinesEncoder.encode(List.of((Struct) value));
        return Arrays.copyOf(line, line.length - 1);
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        Struct struct = new Struct(BenchRecords.SCHEMA);
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new DataException("Not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Field field = BenchRecords.SCHEMA.field(parser.currentName());
                parser.nextToken();
                if (field == null) {
                    throw new DataException("No field " + parser.currentName() + " in the benchmark schema");
                }
                struct.put(field, switch (field.schema().type()) {
                    case INT64 -> parser.getLongValue();
                    case INT32 -> parser.getIntValue();
                    case FLOAT64 -> parser.getDoubleValue();
                    case STRING -> parser.getText();
                    default -> throw new DataException("The benchmark schema has no " + field.schema().type());
                });
            }
        } catch (IOException e) {
            throw new DataException("Not a benchmark record", e);
        }
        return new SchemaAndValue(BenchRecords.SCHEMA, struct);
    }
}
