package io.tributary.cdc.config;

import static io.tributary.cdc.config.ConnectionKeys.CONNECT_TIMEOUT_MS;
import static io.tributary.cdc.config.ConnectionKeys.DBNAME;
import static io.tributary.cdc.config.ConnectionKeys.HOSTNAME;
import static io.tributary.cdc.config.ConnectionKeys.PASSWORD;
import static io.tributary.cdc.config.ConnectionKeys.PORT;
import static io.tributary.cdc.config.ConnectionKeys.SSLCERT;
import static io.tributary.cdc.config.ConnectionKeys.SSLKEY;
import static io.tributary.cdc.config.ConnectionKeys.SSLMODE;
import static io.tributary.cdc.config.ConnectionKeys.SSLROOTCERT;
import static io.tributary.cdc.config.ConnectionKeys.USER;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.types.Password;

import io.tributary.cdc.types.BinaryHandlingMode;
import io.tributary.cdc.types.DecimalHandlingMode;
import io.tributary.cdc.types.TimePrecisionMode;
import io.tributary.common.config.EnumParser;
import io.tributary.common.config.Validators;

/** Configuration of the PostgreSQL CDC source; key names are Debezium's, so its users feel at home. */
public class PostgresCdcConnectorConfig extends AbstractConfig {
    // Connection keys (database.*) live in ConnectionKeys; the rest are defined here.

    static final String GROUP_CAPTURE = "Capture";
    static final String GROUP_REPLICATION = "Replication";
    static final String GROUP_SNAPSHOT = "Snapshot";
    static final String GROUP_EVENTS = "Events";
    static final String GROUP_PERFORMANCE = "Performance";

    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PREFIX_DOC = "Prefix of every topic name: changes of table <schema>.<table> go "
            + "to <topic.prefix>.<schema>.<table>. Also names the source partition of the offsets: changing it "
            + "makes the connector start over.";
    public static final String SCHEMA_INCLUDE_LIST = "schema.include.list";
    public static final String SCHEMA_INCLUDE_LIST_DOC = "Regular expressions matching the names of the schemas to "
            + "capture (the whole name must match). Empty: every schema not excluded. Do not set together with "
            + "schema.exclude.list.";
    public static final String SCHEMA_EXCLUDE_LIST = "schema.exclude.list";
    public static final String SCHEMA_EXCLUDE_LIST_DOC = "Regular expressions matching the names of schemas not to "
            + "capture. Used only when schema.include.list is empty.";
    public static final String TABLE_INCLUDE_LIST = "table.include.list";
    public static final String TABLE_INCLUDE_LIST_DOC = "Regular expressions matching <schema>.<table> of the tables "
            + "to capture (the whole name must match, e.g. public\\.orders). Empty: every table not excluded. Do not "
            + "set together with table.exclude.list.";
    public static final String TABLE_EXCLUDE_LIST = "table.exclude.list";
    public static final String TABLE_EXCLUDE_LIST_DOC = "Regular expressions matching <schema>.<table> of tables not "
            + "to capture. Used only when table.include.list is empty.";

    public static final String COLUMN_INCLUDE_LIST = "column.include.list";
    public static final String COLUMN_INCLUDE_LIST_DOC = "Regular expressions matching <schema>.<table>.<column> of "
            + "the columns events carry (the whole name must match). Empty: every column not excluded. Primary-key "
            + "columns are always carried. Do not set together with column.exclude.list.";
    public static final String COLUMN_EXCLUDE_LIST = "column.exclude.list";
    public static final String COLUMN_EXCLUDE_LIST_DOC = "Regular expressions matching <schema>.<table>.<column> of "
            + "columns left out of events (e.g. public\\.customers\\.password_hash). Used only when "
            + "column.include.list is empty; primary-key columns are always carried.";

    public static final String SLOT_NAME = "slot.name";
    public static final String SLOT_NAME_DEFAULT = "tributary";
    public static final String SLOT_NAME_DOC = "Name of the logical replication slot the connector creates and reads. "
            + "Each connector needs its own slot.";
    public static final String SLOT_DROP_ON_STOP = "slot.drop.on.stop";
    public static final boolean SLOT_DROP_ON_STOP_DEFAULT = false;
    public static final String SLOT_DROP_ON_STOP_DOC = "Drop the slot when the task stops. Only for tests and "
            + "throw-away setups: the next start cannot resume where this one stopped.";
    public static final String PUBLICATION_NAME = "publication.name";
    public static final String PUBLICATION_NAME_DEFAULT = "tributary_publication";
    public static final String PUBLICATION_NAME_DOC = "Name of the publication whose tables the slot streams.";
    public static final String PUBLICATION_AUTOCREATE_MODE = "publication.autocreate.mode";
    public static final String PUBLICATION_AUTOCREATE_MODE_DEFAULT =
            EnumParser.SNAKE.configValue(PublicationAutocreateMode.FILTERED);
    public static final String PUBLICATION_AUTOCREATE_MODE_DOC = "What to do when the publication does not exist. "
            + "'disabled': fail, it must be created beforehand. 'all_tables': create it FOR ALL TABLES (needs a "
            + "superuser). 'filtered': create it for the captured tables (needs ownership of them, not superuser).";

    public static final String SNAPSHOT_MODE = "snapshot.mode";
    public static final String SNAPSHOT_MODE_DEFAULT = EnumParser.SNAKE.configValue(SnapshotMode.INITIAL);
    public static final String SNAPSHOT_MODE_DOC = "When to read the existing rows of the captured tables. "
            + "'initial': at the first start (or when a previous snapshot did not finish), then stream changes. "
            + "'initial_only': like 'initial' but stop after the snapshot. 'no_data' (alias 'never'): never, only "
            + "stream changes. 'when_needed': when there are no offsets or the slot is gone. 'always': at every start. "
            + "The snapshot is read in the transaction snapshot exported when the slot is created, so it joins the "
            + "stream with no gap and no duplicate.";
    public static final String SNAPSHOT_FETCH_SIZE = "snapshot.fetch.size";
    public static final int SNAPSHOT_FETCH_SIZE_DEFAULT = 2_000;
    public static final String SNAPSHOT_FETCH_SIZE_DOC = "Rows fetched from the server per round trip while "
            + "snapshotting; bounds the memory a snapshot uses.";
    public static final String SNAPSHOT_CHUNK_SIZE = "snapshot.chunk.size";
    public static final int SNAPSHOT_CHUNK_SIZE_DEFAULT = 10_000;
    public static final String SNAPSHOT_CHUNK_SIZE_DOC = "Rows per snapshot query: tables with a primary key are "
            + "read in chunks of this size ordered by the key.";

    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    public static final boolean TOMBSTONES_ON_DELETE_DEFAULT = true;
    public static final String TOMBSTONES_ON_DELETE_DOC = "Emit a tombstone (same key, null value) after each delete "
            + "event, so that compacted topics can drop the row.";
    public static final String SKIPPED_OPERATIONS = "skipped.operations";
    public static final String SKIPPED_OPERATIONS_DEFAULT = "t";
    public static final String SKIPPED_OPERATIONS_DOC = "Operations not emitted: any of c (insert), u (update), "
            + "d (delete), t (truncate), or 'none' to emit all.";
    public static final String DECIMAL_HANDLING_MODE = "decimal.handling.mode";
    public static final String DECIMAL_HANDLING_MODE_DEFAULT = EnumParser.SNAKE.configValue(DecimalHandlingMode.PRECISE);
    public static final String DECIMAL_HANDLING_MODE_DOC = "How NUMERIC columns are emitted. 'precise': Connect "
            + "Decimal (io.debezium.data.VariableScaleDecimal when the column has no declared scale); NaN and "
            + "infinities become null. 'double': FLOAT64, may lose precision. 'string': the exact text.";

    public static final String HEARTBEAT_INTERVAL_MS = "heartbeat.interval.ms";
    public static final int HEARTBEAT_INTERVAL_MS_DEFAULT = 0;
    public static final String HEARTBEAT_INTERVAL_MS_DOC = "How often, in milliseconds, to emit a heartbeat record "
            + "{ts_ms} keyed by {serverName} to topic <topic.heartbeat.prefix>.<topic.prefix>, between transactions, "
            + "so consumers can tell a quiet database from a stalled connector. 0 disables heartbeats. (The slot "
            + "advances on an idle database without them.)";
    public static final String HEARTBEAT_TOPIC_PREFIX = "topic.heartbeat.prefix";
    public static final String HEARTBEAT_TOPIC_PREFIX_DEFAULT = "__debezium-heartbeat";
    public static final String HEARTBEAT_TOPIC_PREFIX_DOC = "Prefix of the heartbeat topic's name.";

    public static final String MAX_BATCH_SIZE = "max.batch.size";
    public static final int MAX_BATCH_SIZE_DEFAULT = 2_048;
    public static final String MAX_BATCH_SIZE_DOC = "Largest number of records one poll() returns.";
    public static final String MAX_QUEUE_SIZE = "max.queue.size";
    public static final int MAX_QUEUE_SIZE_DEFAULT = 8_192;
    public static final String MAX_QUEUE_SIZE_DOC = "Records the reader may hold ahead of poll(); the reader waits "
            + "when the queue is full. Must be larger than max.batch.size.";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final long POLL_INTERVAL_MS_DEFAULT = 500L;
    public static final String POLL_INTERVAL_MS_DOC = "Longest time poll() waits for the first record of a batch.";
    public static final String STATUS_UPDATE_INTERVAL_MS = "status.update.interval.ms";
    public static final long STATUS_UPDATE_INTERVAL_MS_DEFAULT = 10_000L;
    public static final String STATUS_UPDATE_INTERVAL_MS_DOC = "Longest time between standby status updates to the "
            + "server, which report the acknowledged LSN and keep the replication connection alive.";

    public static final String ERRORS_MAX_RETRIES = "errors.max.retries";
    public static final int ERRORS_MAX_RETRIES_DEFAULT = -1;
    public static final String ERRORS_MAX_RETRIES_DOC = "How many times in a row the task reconnects after the "
            + "replication connection is lost (a PostgreSQL restart, a network failure, a terminated backend) before "
            + "it fails; -1 retries without limit, 0 fails at once. Streaming resumes after the last record read, so "
            + "nothing is lost or repeated.";
    public static final String RETRIABLE_RESTART_WAIT_MS = "retriable.restart.connector.wait.ms";
    public static final long RETRIABLE_RESTART_WAIT_MS_DEFAULT = 10_000L;
    public static final String RETRIABLE_RESTART_WAIT_MS_DOC = "Longest wait between two reconnection attempts, in "
            + "milliseconds; the wait starts at one second (or this value, if smaller) and doubles.";

    private static final Pattern TOPIC_PREFIX_PATTERN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SLOT_NAME_PATTERN = Pattern.compile("[a-z0-9_]{1,63}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Set<String> OPERATIONS = Set.of("c", "u", "d", "t", "none");

    public static final ConfigDef CONFIG_DEF = configDef();

    public PostgresCdcConnectorConfig(Map<?, ?> originals) {
        super(CONFIG_DEF, originals);
    }

    /** A fresh definition of every key, grouped and ordered as the docs show them. */
    public static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        ConnectionKeys.update(def);
        int order = 0;
        def.define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                Validators.matching(TOPIC_PREFIX_PATTERN, "letters, digits, '.', '_' or '-'"), Importance.HIGH,
                TOPIC_PREFIX_DOC, GROUP_CAPTURE, ++order, Width.MEDIUM, "Topic prefix");
        def.define(SCHEMA_INCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.HIGH,
                SCHEMA_INCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Schemas to capture");
        def.define(SCHEMA_EXCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                SCHEMA_EXCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Schemas to skip");
        def.define(TABLE_INCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.HIGH,
                TABLE_INCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Tables to capture");
        def.define(TABLE_EXCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                TABLE_EXCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Tables to skip");
        def.define(COLUMN_INCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                COLUMN_INCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Columns to capture");
        def.define(COLUMN_EXCLUDE_LIST, Type.LIST, "", new RegexListValidator(), Importance.MEDIUM,
                COLUMN_EXCLUDE_LIST_DOC, GROUP_CAPTURE, ++order, Width.LONG, "Columns to skip");

        order = 0;
        def.define(SLOT_NAME, Type.STRING, SLOT_NAME_DEFAULT,
                Validators.matching(SLOT_NAME_PATTERN, "1 to 63 lower-case letters, digits or '_'"), Importance.HIGH,
                SLOT_NAME_DOC, GROUP_REPLICATION, ++order, Width.MEDIUM, "Slot");
        def.define(SLOT_DROP_ON_STOP, Type.BOOLEAN, SLOT_DROP_ON_STOP_DEFAULT, Importance.LOW, SLOT_DROP_ON_STOP_DOC,
                GROUP_REPLICATION, ++order, Width.SHORT, "Drop slot on stop");
        def.define(PUBLICATION_NAME, Type.STRING, PUBLICATION_NAME_DEFAULT,
                Validators.matching(IDENTIFIER, "an unquoted SQL identifier of up to 63 characters"), Importance.HIGH,
                PUBLICATION_NAME_DOC, GROUP_REPLICATION, ++order, Width.MEDIUM, "Publication");
        def.define(PUBLICATION_AUTOCREATE_MODE, Type.STRING, PUBLICATION_AUTOCREATE_MODE_DEFAULT,
                EnumParser.SNAKE.validator(PublicationAutocreateMode.class), Importance.MEDIUM,
                PUBLICATION_AUTOCREATE_MODE_DOC, GROUP_REPLICATION, ++order, Width.SHORT, "Publication creation",
                EnumParser.SNAKE.recommender(PublicationAutocreateMode.class));
        def.define(STATUS_UPDATE_INTERVAL_MS, Type.LONG, STATUS_UPDATE_INTERVAL_MS_DEFAULT,
                Range.between(100L, 3_600_000L), Importance.LOW, STATUS_UPDATE_INTERVAL_MS_DOC, GROUP_REPLICATION,
                ++order, Width.SHORT, "Status update interval");
        def.define(ERRORS_MAX_RETRIES, Type.INT, ERRORS_MAX_RETRIES_DEFAULT, Range.between(-1, Integer.MAX_VALUE),
                Importance.LOW, ERRORS_MAX_RETRIES_DOC, GROUP_REPLICATION, ++order, Width.SHORT, "Reconnect attempts");
        def.define(RETRIABLE_RESTART_WAIT_MS, Type.LONG, RETRIABLE_RESTART_WAIT_MS_DEFAULT,
                Range.between(1L, 3_600_000L), Importance.LOW, RETRIABLE_RESTART_WAIT_MS_DOC, GROUP_REPLICATION,
                ++order, Width.SHORT, "Reconnect wait");

        order = 0;
        def.define(SNAPSHOT_MODE, Type.STRING, SNAPSHOT_MODE_DEFAULT,
                EnumParser.SNAKE.validator(SnapshotMode.class, SnapshotMode.NEVER_ALIAS), Importance.HIGH,
                SNAPSHOT_MODE_DOC, GROUP_SNAPSHOT, ++order, Width.SHORT, "Snapshot mode",
                EnumParser.SNAKE.recommender(SnapshotMode.class));
        def.define(SNAPSHOT_FETCH_SIZE, Type.INT, SNAPSHOT_FETCH_SIZE_DEFAULT, Range.between(1, 1_000_000),
                Importance.LOW, SNAPSHOT_FETCH_SIZE_DOC, GROUP_SNAPSHOT, ++order, Width.SHORT, "Fetch size");
        def.define(SNAPSHOT_CHUNK_SIZE, Type.INT, SNAPSHOT_CHUNK_SIZE_DEFAULT, Range.between(1, 100_000_000),
                Importance.LOW, SNAPSHOT_CHUNK_SIZE_DOC, GROUP_SNAPSHOT, ++order, Width.SHORT, "Chunk size");

        order = 0;
        def.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, TOMBSTONES_ON_DELETE_DEFAULT, Importance.MEDIUM,
                TOMBSTONES_ON_DELETE_DOC, GROUP_EVENTS, ++order, Width.SHORT, "Tombstones");
        def.define(SKIPPED_OPERATIONS, Type.LIST, SKIPPED_OPERATIONS_DEFAULT,
                Validators.listOfDistinct(Pattern.compile("c|u|d|t|none"), "one of c, u, d, t, none"),
                Importance.LOW, SKIPPED_OPERATIONS_DOC, GROUP_EVENTS, ++order, Width.SHORT, "Skipped operations");
        def.define(DECIMAL_HANDLING_MODE, Type.STRING, DECIMAL_HANDLING_MODE_DEFAULT,
                EnumParser.SNAKE.validator(DecimalHandlingMode.class), Importance.MEDIUM, DECIMAL_HANDLING_MODE_DOC,
                GROUP_EVENTS, ++order, Width.SHORT, "Decimal handling",
                EnumParser.SNAKE.recommender(DecimalHandlingMode.class));
        def.define(HEARTBEAT_INTERVAL_MS, Type.INT, HEARTBEAT_INTERVAL_MS_DEFAULT, Range.between(0, 86_400_000),
                Importance.LOW, HEARTBEAT_INTERVAL_MS_DOC, GROUP_EVENTS, ++order, Width.SHORT, "Heartbeat interval");
        def.define(HEARTBEAT_TOPIC_PREFIX, Type.STRING, HEARTBEAT_TOPIC_PREFIX_DEFAULT,
                Validators.matching(TOPIC_PREFIX_PATTERN, "letters, digits, '.', '_' or '-'"), Importance.LOW,
                HEARTBEAT_TOPIC_PREFIX_DOC, GROUP_EVENTS, ++order, Width.MEDIUM, "Heartbeat topic prefix");
        EventKeys.update(def, GROUP_EVENTS, ++order);

        order = 0;
        def.define(MAX_BATCH_SIZE, Type.INT, MAX_BATCH_SIZE_DEFAULT, Range.between(1, 1_000_000), Importance.LOW,
                MAX_BATCH_SIZE_DOC, GROUP_PERFORMANCE, ++order, Width.SHORT, "Batch size");
        def.define(MAX_QUEUE_SIZE, Type.INT, MAX_QUEUE_SIZE_DEFAULT, Range.between(2, 10_000_000), Importance.LOW,
                MAX_QUEUE_SIZE_DOC, GROUP_PERFORMANCE, ++order, Width.SHORT, "Queue size");
        def.define(POLL_INTERVAL_MS, Type.LONG, POLL_INTERVAL_MS_DEFAULT, Range.between(1L, 60_000L), Importance.LOW,
                POLL_INTERVAL_MS_DOC, GROUP_PERFORMANCE, ++order, Width.SHORT, "Poll interval");
        return def;
    }

    public String hostname() {
        return getString(HOSTNAME);
    }

    public int port() {
        return getInt(PORT);
    }

    public String user() {
        return getString(USER);
    }

    /** The password, or null when none is set. */
    public String password() {
        Password password = getPassword(PASSWORD);
        return password == null ? null : password.value();
    }

    public String dbname() {
        return getString(DBNAME);
    }

    public SslMode sslMode() {
        String text = getString(SSLMODE);
        return Arrays.stream(SslMode.values()).filter(m -> m.jdbcValue().equalsIgnoreCase(text.trim())).findFirst()
                .orElseThrow();
    }

    /** The CA certificates file, or null when unset. */
    public String sslRootCert() {
        return file(SSLROOTCERT);
    }

    /** The client certificate file, or null when unset. */
    public String sslCert() {
        return file(SSLCERT);
    }

    /** The client key file, or null when unset. */
    public String sslKey() {
        return file(SSLKEY);
    }

    private String file(String key) {
        String path = getString(key);
        return path == null || path.isBlank() ? null : path.strip();
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(getLong(CONNECT_TIMEOUT_MS));
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public TableFilter tableFilter() {
        return new TableFilter(getList(SCHEMA_INCLUDE_LIST), getList(SCHEMA_EXCLUDE_LIST),
                getList(TABLE_INCLUDE_LIST), getList(TABLE_EXCLUDE_LIST));
    }

    public ColumnFilter columnFilter() {
        return new ColumnFilter(getList(COLUMN_INCLUDE_LIST), getList(COLUMN_EXCLUDE_LIST));
    }

    public String slotName() {
        return getString(SLOT_NAME);
    }

    public boolean dropSlotOnStop() {
        return getBoolean(SLOT_DROP_ON_STOP);
    }

    public String publicationName() {
        return getString(PUBLICATION_NAME);
    }

    public PublicationAutocreateMode publicationAutocreateMode() {
        return EnumParser.SNAKE.parse(PublicationAutocreateMode.class, PUBLICATION_AUTOCREATE_MODE,
                getString(PUBLICATION_AUTOCREATE_MODE));
    }

    public SnapshotMode snapshotMode() {
        String text = getString(SNAPSHOT_MODE);
        if (SnapshotMode.NEVER_ALIAS.equalsIgnoreCase(text.trim())) {
            return SnapshotMode.NO_DATA;
        }
        return EnumParser.SNAKE.parse(SnapshotMode.class, SNAPSHOT_MODE, text);
    }

    public int snapshotFetchSize() {
        return getInt(SNAPSHOT_FETCH_SIZE);
    }

    public int snapshotChunkSize() {
        return getInt(SNAPSHOT_CHUNK_SIZE);
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE);
    }

    /** The skipped operation codes ('c', 'u', 'd', 't'); empty for 'none'. */
    public Set<Character> skippedOperations() {
        return getList(SKIPPED_OPERATIONS).stream().filter(op -> OPERATIONS.contains(op) && !op.equals("none"))
                .map(op -> op.charAt(0)).collect(Collectors.toUnmodifiableSet());
    }

    public DecimalHandlingMode decimalHandlingMode() {
        return EnumParser.SNAKE.parse(DecimalHandlingMode.class, DECIMAL_HANDLING_MODE, getString(DECIMAL_HANDLING_MODE));
    }

    /** The heartbeat interval; zero when heartbeats are off. */
    public Duration heartbeatInterval() {
        return Duration.ofMillis(getInt(HEARTBEAT_INTERVAL_MS));
    }

    public String heartbeatTopic() {
        return getString(HEARTBEAT_TOPIC_PREFIX) + "." + topicPrefix();
    }

    /** Record key columns that replace primary keys ({@code message.key.columns}). */
    public MessageKeyColumns messageKeyColumns() {
        return EventKeys.messageKeyColumns(this);
    }

    public boolean provideTransactionMetadata() {
        return getBoolean(EventKeys.PROVIDE_TRANSACTION_METADATA);
    }

    /** Where BEGIN/END events go: {@code <topic.prefix>.<topic.transaction>}, as in Debezium. */
    public String transactionTopic() {
        return topicPrefix() + "." + getString(EventKeys.TOPIC_TRANSACTION);
    }

    public TimePrecisionMode timePrecisionMode() {
        return EventKeys.timePrecisionMode(this);
    }

    public BinaryHandlingMode binaryHandlingMode() {
        return EventKeys.binaryHandlingMode(this);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public int maxQueueSize() {
        return getInt(MAX_QUEUE_SIZE);
    }

    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    /** Reconnection attempts in a row before failing; negative for no limit. */
    public int maxRetries() {
        return getInt(ERRORS_MAX_RETRIES);
    }

    public Duration maxRetryWait() {
        return Duration.ofMillis(getLong(RETRIABLE_RESTART_WAIT_MS));
    }

    public Duration statusUpdateInterval() {
        return Duration.ofMillis(getLong(STATUS_UPDATE_INTERVAL_MS));
    }

    /** Keys whose values must be read together: both lists of a pair set at once is ambiguous. */
    static List<String[]> exclusivePairs() {
        return List.of(new String[] {SCHEMA_INCLUDE_LIST, SCHEMA_EXCLUDE_LIST},
                new String[] {TABLE_INCLUDE_LIST, TABLE_EXCLUDE_LIST},
                new String[] {COLUMN_INCLUDE_LIST, COLUMN_EXCLUDE_LIST});
    }
}
