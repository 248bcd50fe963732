package io.tributary.cdc.event;

/**
 * A column of a captured table: name, type OID and modifier, its SQL type for casts ({@code numeric(10,2)}), and
 * whether it is declared NOT NULL (its field is then required, as in Debezium's schemas).
 */
public record ColumnInfo(String name, int typeOid, int typeModifier, String sqlType, boolean notNull) {

    /** A nullable column. */
    public ColumnInfo(String name, int typeOid, int typeModifier, String sqlType) {
        this(name, typeOid, typeModifier, sqlType, false);
    }

    public ColumnInfo withNotNull(boolean notNull) {
        return new ColumnInfo(name, typeOid, typeModifier, sqlType, notNull);
    }
}
