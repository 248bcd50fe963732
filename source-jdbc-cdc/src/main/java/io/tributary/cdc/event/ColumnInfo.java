package io.tributary.cdc.event;

/** A column of a captured table: name, type OID and modifier, and its SQL type for casts ({@code numeric(10,2)}). */
public record ColumnInfo(String name, int typeOid, int typeModifier, String sqlType) {
}
