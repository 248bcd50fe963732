package io.tributary.transforms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * One {@code add.fields} / {@code add.headers} entry: a field of a change-event envelope, named like Debezium's
 * {@code ExtractNewRecordState} does. A plain name is the envelope's own field when the envelope has one,
 * otherwise a field of {@code source}; a dotted name is a path from the envelope.
 */
final class EnvelopeField {

    /** Returned by {@link #valueIn(Map)} when a schemaless envelope does not carry the field at all. */
    static final Object ABSENT = new Object();

    private static final String SOURCE = "source";

    private final String configName;
    private final String[] segments;
    private final String outputName;

    private EnvelopeField(String configName, String prefix) {
        this.configName = configName;
        this.segments = configName.split("\\.");
        this.outputName = prefix + configName.replace('.', '_');
    }

    static List<EnvelopeField> parse(List<String> configNames, String prefix) {
        List<EnvelopeField> fields = new ArrayList<>(configNames.size());
        for (String name : configNames) {
            fields.add(new EnvelopeField(name, prefix));
        }
        return Collections.unmodifiableList(fields);
    }

    String configName() {
        return configName;
    }

    /** The name of the added field or header, prefix included. */
    String outputName() {
        return outputName;
    }

    /** Resolves this entry in an envelope schema; {@code null} when that schema has no such field. */
    Bound bind(Schema envelopeSchema) {
        String[] path = path(envelopeSchema.field(segments[0]) != null);
        Schema schema = envelopeSchema;
        for (String segment : path) {
            Field field = schema.type() == Schema.Type.STRUCT ? schema.field(segment) : null;
            if (field == null) {
                return null;
            }
            schema = field.schema();
        }
        return new Bound(outputName, path, optional(schema));
    }

    /** Reads this entry from a schemaless envelope: the value (maybe null), or {@link #ABSENT}. */
    Object valueIn(Map<?, ?> envelope) {
        Object current = envelope;
        for (String segment : path(envelope.containsKey(segments[0]))) {
            if (current == null) {
                return null;
            }
            if (!(current instanceof Map) || !((Map<?, ?>) current).containsKey(segment)) {
                return ABSENT;
            }
            current = ((Map<?, ?>) current).get(segment);
        }
        return current;
    }

    private String[] path(boolean envelopeHasFirstSegment) {
        return segments.length > 1 || envelopeHasFirstSegment ? segments : new String[] {SOURCE, segments[0]};
    }

    /** Added fields are optional, so rows from envelopes that lack a value still validate. */
    static Schema optional(Schema schema) {
        if (schema.isOptional()) {
            return schema;
        }
        SchemaBuilder builder;
        switch (schema.type()) {
            case STRUCT:
                builder = SchemaBuilder.struct();
                for (Field field : schema.fields()) {
                    builder.field(field.name(), field.schema());
                }
                break;
            case ARRAY:
                builder = SchemaBuilder.array(schema.valueSchema());
                break;
            case MAP:
                builder = SchemaBuilder.map(schema.keySchema(), schema.valueSchema());
                break;
            default:
                builder = SchemaBuilder.type(schema.type());
        }
        builder.name(schema.name()).version(schema.version()).doc(schema.doc());
        if (schema.parameters() != null) {
            builder.parameters(schema.parameters());
        }
        if (schema.defaultValue() != null) {
            builder.defaultValue(schema.defaultValue());
        }
        return builder.optional().build();
    }

    /** An entry resolved in one envelope schema: where to read it and the schema of what it adds. */
    static final class Bound {
        private final String outputName;
        private final String[] path;
        private final Schema schema;

        Bound(String outputName, String[] path, Schema schema) {
            this.outputName = outputName;
            this.path = path;
            this.schema = schema;
        }

        String outputName() {
            return outputName;
        }

        Schema schema() {
            return schema;
        }

        Object valueIn(Struct envelope) {
            Object current = envelope;
            for (String segment : path) {
                if (current == null) {
                    return null;
                }
                current = ((Struct) current).get(segment);
            }
            return current;
        }
    }
}
