package io.tributary.s3.format;

import java.util.Objects;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaProjector;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.SchemaProjectorException;

/**
 * Which records a file with a fixed schema can still take. A record fits when its schema projects onto the file's
 * without losing anything: every field it has, the file has too (same type, name and parameters, recursively), and
 * every file field it lacks is optional or has a default. So an older schema whose newer version only added optional
 * fields (or dropped optional ones) keeps writing into the newer file; a record with a field the file lacks, or with
 * any other change, starts a new file. The decision depends on the two schemas only, so replays keep file boundaries.
 */
final class SchemaEvolution {

    private SchemaEvolution() {
    }

    /** Whether a value of schema {@code from} can be written as {@code to} with nothing lost. */
    static boolean canProject(Schema from, Schema to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.type() != to.type() || !Objects.equals(from.name(), to.name())
                || !Objects.equals(from.parameters(), to.parameters())
                || from.isOptional() && !to.isOptional()) {
            return false;
        }
        switch (from.type()) {
            case STRUCT:
                for (Field field : from.fields()) {
                    Field target = to.field(field.name());
                    if (target == null || !canProject(field.schema(), target.schema())) {
                        return false;
                    }
                }
                for (Field target : to.fields()) {
                    if (from.field(target.name()) == null && !target.schema().isOptional()
                            && target.schema().defaultValue() == null) {
                        return false;
                    }
                }
                return true;
            case ARRAY:
                return canProject(from.valueSchema(), to.valueSchema());
            case MAP:
                return canProject(from.keySchema(), to.keySchema())
                        && canProject(from.valueSchema(), to.valueSchema());
            default:
                return true;
        }
    }

    /** {@code value} of schema {@code from} as a value of {@code to}; {@link #canProject} must hold. */
    static Object project(Schema from, Object value, Schema to) {
        if (from == to || from.equals(to)) {
            return value;
        }
        try {
            return SchemaProjector.project(from, value, to);
        } catch (SchemaProjectorException e) {
            throw new DataException("Cannot project a value onto the file's schema: " + e.getMessage(), e);
        }
    }

    /** The schema a file was started with, remembering the last verdict so a steady stream costs one comparison. */
    static final class FileSchema {
        private Schema schema;
        private Schema lastSeen;
        private boolean lastFits;

        /** The file's schema, or null before the first record. */
        Schema schema() {
            return schema;
        }

        void set(Schema first) {
            this.schema = first;
        }

        /** Whether a record of {@code recordSchema} can go in this file (always, before the first record). */
        boolean fits(Schema recordSchema) {
            if (schema == null || recordSchema == schema) {
                return true;
            }
            if (recordSchema == null) {
                return false;
            }
            if (recordSchema != lastSeen) {
                lastSeen = recordSchema;
                lastFits = canProject(recordSchema, schema);
            }
            return lastFits;
        }
    }
}
