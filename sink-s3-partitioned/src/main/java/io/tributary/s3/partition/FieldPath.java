package io.tributary.s3.partition;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** A dotted path to a nested field ({@code meta.ts}) of a Struct or a schemaless Map. */
public final class FieldPath {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String path;
    private final List<String> names;

    private FieldPath(String path, List<String> names) {
        this.path = path;
        this.names = names;
    }

    /** Parses {@code a.b.c}; throws IllegalArgumentException naming the bad part. */
    public static FieldPath parse(String path) {
        List<String> names = List.of(path.split("\\.", -1));
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + path + "' is not a field path: '" + name
                        + "' must be letters, digits or '_', not starting with a digit");
            }
        }
        return new FieldPath(path, names);
    }

    /** The field's value in {@code container}, or null when a step is missing or null. */
    public Object resolve(Object container) {
        Object current = container;
        for (String name : names) {
            if (current instanceof Struct struct) {
                Field field = struct.schema().field(name);
                current = field == null ? null : struct.get(field);
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(name);
            } else {
                return null;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return path;
    }
}
