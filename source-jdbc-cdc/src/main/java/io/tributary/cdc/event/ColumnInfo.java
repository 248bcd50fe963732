package io.tributary.cdc.event;

/**
 * A column of a captured table: name, type OID and modifier, its SQL type for casts ({@code numeric(10,2)}), whether
 * it is declared NOT NULL, and whether its values may be stored out of line (TOASTed: storage other than PLAIN).
 *
 * <p>A NOT NULL column's field is required, as in Debezium's schemas, unless it is TOASTable: an update that leaves
 * such a value unchanged does not carry it, and the event says so with a null field and a header instead of a
 * made-up value, so its field must be optional.
 */
public record ColumnInfo(String name, int typeOid, int typeModifier, String sqlType, boolean notNull,
        boolean toastable) {

    /** A nullable column. */
    public ColumnInfo(String name, int typeOid, int typeModifier, String sqlType) {
        this(name, typeOid, typeModifier, sqlType, false, false);
    }

    /** A column whose values are never stored out of line. */
    public ColumnInfo(String name, int typeOid, int typeModifier, String sqlType, boolean notNull) {
        this(name, typeOid, typeModifier, sqlType, notNull, false);
    }

    /** Whether every event carries a value for this column, so that its field can be required. */
    public boolean alwaysHasValue() {
        return notNull && !toastable;
    }
}
