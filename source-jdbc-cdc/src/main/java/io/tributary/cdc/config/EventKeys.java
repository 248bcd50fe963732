package io.tributary.cdc.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.tributary.cdc.types.BinaryHandlingMode;
import io.tributary.cdc.types.TimePrecisionMode;
import io.tributary.common.config.EnumParser;
import io.tributary.common.config.Validators;

/**
 * The Debezium keys that shape events: record keys ({@code message.key.columns}), transaction metadata
 * ({@code provide.transaction.metadata}) and the representation of temporal and binary values.
 */
public final class EventKeys {

    public static final String MESSAGE_KEY_COLUMNS = "message.key.columns";
    public static final String MESSAGE_KEY_COLUMNS_DOC = "Record key columns in place of the primary key, per table: "
            + "<table regex>:<column>,<column>;<table regex>:<column>... As in Debezium, every entry whose regex "
            + "matches the whole <schema>.<table> (ignoring case; the regex cannot hold ':') adds the columns it "
            + "names (each a regex on the column name, ignoring case), in the order listed. Also gives tables "
            + "without a primary key a key. A column that a captured table does not have makes the task fail at "
            + "start, naming both; validation reports it, and an entry that matches no table, on this key. Snapshots still read tables in primary-key order. "
            + "Example: public\\.orders:customer_id,order_no;inv\\..*:sku";
    public static final String PROVIDE_TRANSACTION_METADATA = "provide.transaction.metadata";
    public static final boolean PROVIDE_TRANSACTION_METADATA_DEFAULT = false;
    public static final String PROVIDE_TRANSACTION_METADATA_DOC = "Emit a BEGIN and an END event for each streamed "
            + "transaction to topic <topic.prefix>.<topic.transaction> (Debezium's schema: status, id, event_count, "
            + "data_collections, ts_ms; the END counts the transaction's events per table), and fill each change "
            + "event's transaction block (id, total_order, data_collection_order). Ids are <txId>:<LSN of the "
            + "event>, as Debezium forms them. Snapshot events have no transaction block. The topic's name is set by "
            + "topic.transaction.";
    public static final String TOPIC_TRANSACTION = "topic.transaction";
    public static final String TOPIC_TRANSACTION_DEFAULT = "transaction";
    public static final String TOPIC_TRANSACTION_DOC = "Name, after <topic.prefix>., of the topic that receives the "
            + "BEGIN/END events of provide.transaction.metadata: <topic.prefix>.<topic.transaction>.";
    public static final String TIME_PRECISION_MODE = "time.precision.mode";
    public static final String TIME_PRECISION_MODE_DEFAULT = EnumParser.SNAKE.configValue(TimePrecisionMode.ADAPTIVE);
    public static final String TIME_PRECISION_MODE_DOC = "How date, time and timestamp columns (and arrays of them) "
            + "are emitted, as in Debezium. 'adaptive': io.debezium.time.Date; io.debezium.time.Time (ms) for "
            + "time(0..3), MicroTime (µs) otherwise; io.debezium.time.Timestamp (ms) for timestamp(0..3), "
            + "MicroTimestamp (µs) otherwise. 'adaptive_time_microseconds': as adaptive, but every time is MicroTime. "
            + "'connect': Kafka Connect's Date, Time and Timestamp logical types, in milliseconds whatever the "
            + "column's precision. 'isostring': ISO-8601 strings in UTC, io.debezium.time.IsoDate (2024-02-29Z), "
            + "IsoTime (10:11:12.5Z) and IsoTimestamp (2024-02-29T10:11:12.5Z). 'microseconds': Date, MicroTime and "
            + "MicroTimestamp whatever the precision. 'nanoseconds': Date, NanoTime and NanoTimestamp (ns) whatever the "
            + "precision; a timestamp before 1677-09-22 or after 2262-04-11 is null. timestamptz, timetz and interval "
            + "are the same in every mode.";
    public static final String BINARY_HANDLING_MODE = "binary.handling.mode";
    public static final String BINARY_HANDLING_MODE_DEFAULT = EnumParser.KEBAB.configValue(BinaryHandlingMode.BYTES);
    public static final String BINARY_HANDLING_MODE_DOC = "How bytea columns (and bytea arrays' elements) are "
            + "emitted. 'bytes': the bytes. 'base64': a string in standard Base64. 'base64-url-safe': a string in "
            + "URL-safe Base64. 'hex': a string of lower-case hexadecimal digits.";

    private static final java.util.regex.Pattern TOPIC_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    private EventKeys() {
    }

    /** Adds the keys to {@code group}, numbered from {@code firstOrder}. */
    static void update(ConfigDef def, String group, int firstOrder) {
        int order = firstOrder;
        def.define(MESSAGE_KEY_COLUMNS, Type.STRING, "", new MessageKeyColumns.Validator(), Importance.MEDIUM,
                MESSAGE_KEY_COLUMNS_DOC, group, order++, Width.LONG, "Message key columns");
        def.define(PROVIDE_TRANSACTION_METADATA, Type.BOOLEAN, PROVIDE_TRANSACTION_METADATA_DEFAULT, Importance.LOW,
                PROVIDE_TRANSACTION_METADATA_DOC, group, order++, Width.SHORT, "Transaction metadata");
        def.define(TOPIC_TRANSACTION, Type.STRING, TOPIC_TRANSACTION_DEFAULT,
                Validators.matching(TOPIC_NAME, "letters, digits, '.', '_' or '-'"), Importance.LOW,
                TOPIC_TRANSACTION_DOC, group, order++, Width.MEDIUM, "Transaction topic");
        def.define(TIME_PRECISION_MODE, Type.STRING, TIME_PRECISION_MODE_DEFAULT,
                EnumParser.SNAKE.validator(TimePrecisionMode.class), Importance.MEDIUM, TIME_PRECISION_MODE_DOC,
                group, order++, Width.SHORT, "Time precision", EnumParser.SNAKE.recommender(TimePrecisionMode.class));
        def.define(BINARY_HANDLING_MODE, Type.STRING, BINARY_HANDLING_MODE_DEFAULT,
                EnumParser.KEBAB.validator(BinaryHandlingMode.class), Importance.LOW, BINARY_HANDLING_MODE_DOC,
                group, order, Width.SHORT, "Binary handling", EnumParser.KEBAB.recommender(BinaryHandlingMode.class));
    }

    static MessageKeyColumns messageKeyColumns(AbstractConfig config) {
        return MessageKeyColumns.parse(config.getString(MESSAGE_KEY_COLUMNS));
    }

    static TimePrecisionMode timePrecisionMode(AbstractConfig config) {
        return EnumParser.SNAKE.parse(TimePrecisionMode.class, TIME_PRECISION_MODE,
                config.getString(TIME_PRECISION_MODE));
    }

    static BinaryHandlingMode binaryHandlingMode(AbstractConfig config) {
        return EnumParser.KEBAB.parse(BinaryHandlingMode.class, BINARY_HANDLING_MODE,
                config.getString(BINARY_HANDLING_MODE));
    }
}
