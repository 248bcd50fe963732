package io.tributary.benchmarks.ceiling;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the {@link GeneratedChangeEventSource}. */
public final class GeneratedChangeEventConfig extends AbstractConfig {

    public static final String TOPIC_PREFIX = "topic.prefix";
    static final String TOPIC_PREFIX_DOC = "Events go to <topic.prefix>.public.bench_rows, as a CDC connector's would.";
    public static final String ROWS = "rows";
    static final String ROWS_DOC = "How many insert events to emit (ids 1..rows); the task then idles.";
    public static final String BATCH_SIZE = "batch.size";
    static final int BATCH_SIZE_DEFAULT = 2048;
    static final String BATCH_SIZE_DOC = "Largest number of records one poll() returns (Debezium's max.batch.size "
            + "default).";
    public static final String TRANSACTION_ROWS = "transaction.rows";
    static final int TRANSACTION_ROWS_DEFAULT = 1000;
    static final String TRANSACTION_ROWS_DOC = "Rows per simulated source transaction (source.txId changes every "
            + "this many rows).";
    public static final String FIRST_ID = "first.id";
    static final String FIRST_ID_DOC = "The id of the first event (the events are ids first.id .. first.id + rows - "
            + "1). The connector sets it to give each of its tasks its own range, as a parallel snapshot gives each "
            + "task its own share of the table.";
    public static final String RATE = "rate";
    static final String RATE_DOC = "Rows per second: transactions of transaction.rows rows on a fixed schedule (see "
            + "EmitSchedule) from the instant written in start.file (microseconds since the epoch; the moment the "
            + "file is seen if it is empty). 0: as fast as the worker takes them.";
    public static final String START_FILE = "start.file";
    static final String START_FILE_DOC = "If set, the task emits nothing until this file exists, so a benchmark can "
            + "start its clock with the connector already running, as it does for CDC connectors before the first "
            + "insert.";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(TOPIC_PREFIX, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, TOPIC_PREFIX_DOC)
            .define(ROWS, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(0L), Importance.HIGH, ROWS_DOC)
            .define(FIRST_ID, Type.LONG, 1L, Range.atLeast(1L), Importance.LOW, FIRST_ID_DOC)
            .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.atLeast(1), Importance.MEDIUM, BATCH_SIZE_DOC)
            .define(TRANSACTION_ROWS, Type.INT, TRANSACTION_ROWS_DEFAULT, Range.atLeast(1), Importance.LOW,
                    TRANSACTION_ROWS_DOC)
            .define(RATE, Type.INT, 0, Range.atLeast(0), Importance.LOW, RATE_DOC)
            .define(START_FILE, Type.STRING, "", Importance.LOW, START_FILE_DOC);

    public GeneratedChangeEventConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public String topicPrefix() {
        return getString(TOPIC_PREFIX);
    }

    public long rows() {
        return getLong(ROWS);
    }

    public long firstId() {
        return getLong(FIRST_ID);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    public int transactionRows() {
        return getInt(TRANSACTION_ROWS);
    }

    public int rate() {
        return getInt(RATE);
    }

    public Optional<Path> startFile() {
        String file = getString(START_FILE);
        return file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
    }
}
