package io.tributary.cdc.types;

/**
 * Schema names of Debezium's semantic types, which consumers of Debezium's PostgreSQL connector depend on. Names only:
 * no Debezium code is used.
 */
public final class LogicalTypes {

    public static final String DATE = "io.debezium.time.Date";
    public static final String TIME = "io.debezium.time.Time";
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String NANO_TIME = "io.debezium.time.NanoTime";
    public static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    public static final String ISO_DATE = "io.debezium.time.IsoDate";
    public static final String ISO_TIME = "io.debezium.time.IsoTime";
    public static final String ISO_TIMESTAMP = "io.debezium.time.IsoTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    public static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    public static final String MICRO_DURATION = "io.debezium.time.MicroDuration";
    public static final String UUID = "io.debezium.data.Uuid";
    public static final String JSON = "io.debezium.data.Json";
    public static final String XML = "io.debezium.data.Xml";
    public static final String ENUM = "io.debezium.data.Enum";
    public static final String ENUM_ALLOWED = "allowed";
    public static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    /** Schema parameter of Connect's Decimal holding the column's declared precision. */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";

    private LogicalTypes() {
    }
}
