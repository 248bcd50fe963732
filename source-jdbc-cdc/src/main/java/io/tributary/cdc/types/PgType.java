package io.tributary.cdc.types;

import java.util.List;

/**
 * A PostgreSQL type as the catalog describes it. {@code elementOid} is set for arrays, {@code baseOid} for domains,
 * {@code labels} for enums.
 */
public record PgType(int oid, String namespace, String name, Category category, int elementOid, int baseOid,
        List<String> labels) {

    /** What kind of type this is ({@code pg_type.typtype} plus arrays). */
    public enum Category {
        BASE, ARRAY, ENUM, DOMAIN, OTHER
    }

    public static PgType base(int oid, String name) {
        return new PgType(oid, "pg_catalog", name, Category.BASE, 0, 0, List.of());
    }

    public static PgType array(int oid, String name, int elementOid) {
        return new PgType(oid, "pg_catalog", name, Category.ARRAY, elementOid, 0, List.of());
    }

    public String qualifiedName() {
        return namespace + "." + name;
    }
}
