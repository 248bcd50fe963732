package io.tributary.benchmarks.ceiling;

import io.tributary.benchmarks.cdc.BenchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits the ceiling's events: each poll() returns up to {@code batch.size} freshly built records, as fast as the
 * worker takes them or, with a {@code rate}, those that are due on an {@link EmitSchedule}.
 */
public final class GeneratedChangeEventTask extends SourceTask {

    private static final long WAIT_FOR_START_MS = 5;
    private static final long IDLE_MS = 100;
    /** A plausible first LSN; each row advances it by the size of a small insert record. */
    private static final long FIRST_LSN = 0x1_6B37_4D48L;
    private static final long LSN_PER_ROW = 120;

    private ChangeEventShape shape;
    private String topic;
    private long lastId;
    private int batchSize;
    private int transactionRows;
    private int rate;
    private long firstId;
    private Optional<Path> startFile;
    /** Set when the start file is seen and a rate is configured. */
    private EmitSchedule schedule;
    private Map<String, String> sourcePartition;
    private boolean started;
    private long nextId;

    @Override
    public String version() {
        return "benchmark";
    }

    @Override
    public void start(Map<String, String> props) {
        GeneratedChangeEventConfig config = new GeneratedChangeEventConfig(props);
        shape = new ChangeEventShape(config.topicPrefix());
        topic = BenchTable.topic(config.topicPrefix());
        lastId = config.firstId() + config.rows() - 1;
        batchSize = config.batchSize();
        transactionRows = config.transactionRows();
        rate = config.rate();
        firstId = config.firstId();
        startFile = config.startFile();
        sourcePartition = Map.of("server", config.topicPrefix(), "first_id", Long.toString(config.firstId()));
        nextId = config.firstId();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (!started) {
            started = startFile.map(Files::exists).orElse(true);
            if (!started) {
                Thread.sleep(WAIT_FOR_START_MS);
                return null;
            }
            if (rate > 0) {
                schedule = new EmitSchedule(scheduleStartMicros(), rate, transactionRows, firstId);
            }
        }
        if (nextId > lastId) {
            Thread.sleep(IDLE_MS);
            return null;
        }
        long due = lastId;
        if (schedule != null) {
            due = Math.min(lastId, schedule.lastDueId(EmitSchedule.nowMicros()));
            if (due < nextId) {
                long waitMicros = schedule.dueMicros(nextId) - EmitSchedule.nowMicros();
                if (waitMicros > 0) {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.min(waitMicros, IDLE_MS * 1_000)));
                }
                return null;
            }
        }
        int n = (int) Math.min(batchSize, due - nextId + 1);
        long now = System.currentTimeMillis();
        List<SourceRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++, nextId++) {
            long id = nextId;
            long txId = 1_000 + (id - 1) / transactionRows;
            long lsn = FIRST_LSN + id * LSN_PER_ROW;
            records.add(new SourceRecord(sourcePartition, Map.of("lsn", lsn, "txId", txId), topic, null,
                    shape.keySchema(), shape.key(id), shape.valueSchema(), shape.insert(id, txId, lsn, now, now),
                    now));
        }
        return records;
    }

    /** The schedule's start: the instant written in the start file, or now if it holds none. */
    private long scheduleStartMicros() {
        try {
            String written = startFile.isPresent() ? Files.readString(startFile.get()).trim() : "";
            return written.isEmpty() ? EmitSchedule.nowMicros() : Long.parseLong(written);
        } catch (IOException | NumberFormatException e) {
            throw new ConnectException("Cannot read the schedule's start from " + startFile.orElseThrow(), e);
        }
    }

    @Override
    public void stop() {
    }
}
