package io.tributary.cdc.event;

/** A table by schema and name, as PostgreSQL spells them (case preserved). */
public record TableId(String schema, String table) {

    /** The identifier quoted for SQL, e.g. {@code "public"."Orders"}. */
    public String quoted() {
        return quote(schema) + "." + quote(table);
    }

    public static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
