package io.tributary.cdc.types;

/** How NUMERIC values are emitted, as Debezium's {@code decimal.handling.mode}. */
public enum DecimalHandlingMode {
    /** Connect {@code Decimal} (bytes), or {@code io.debezium.data.VariableScaleDecimal} for unconstrained numerics. */
    PRECISE,
    /** FLOAT64: may lose precision; NaN and infinities are kept. */
    DOUBLE,
    /** The exact text form, e.g. "12.50" or "NaN". */
    STRING
}
