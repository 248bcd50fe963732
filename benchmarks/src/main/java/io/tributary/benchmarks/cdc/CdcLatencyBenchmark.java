package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.HeapWatcher;
import io.tributary.benchmarks.Result;
import io.tributary.benchmarks.ceiling.EmitSchedule;
import io.tributary.benchmarks.ceiling.GeneratedChangeEventConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit→Kafka latency at a steady insert rate, and the worker JVM's peak heap meanwhile. Rows go in as
 * transactions of {@code txn.rows} rows on a fixed schedule ({@code rate} rows/s for {@code duration.s}); see
 * {@link LatencyBook} for what is timed. Rows committed in the first {@code warmup.s} are left out of the
 * percentiles. The ceiling emits the same rows on the same schedule from memory ({@link EmitSchedule}), each row's
 * due instant booked as its commit: the latency of the worker's own path at this rate, which no connector beats.
 */
public final class CdcLatencyBenchmark implements BenchmarkCase {

    /** How far ahead of writing the start file the ceiling's schedule starts: the task looks for it every 5 ms. */
    private static final long START_LEAD_MICROS = 20_000;

    private final int rate;
    private final int transactionRows;
    private final int durationSeconds;
    private final int warmupSeconds;
    private final long warmupRows;
    private final List<Contestant> contestants;

    public CdcLatencyBenchmark(int rate, int transactionRows, int durationSeconds, int warmupSeconds,
            long warmupRows, List<Contestant> contestants) {
        if (rate <= 0 || transactionRows <= 0 || durationSeconds <= warmupSeconds || warmupSeconds < 0) {
            throw new IllegalArgumentException("Need rate > 0, txn.rows > 0 and duration.s > warmup.s >= 0");
        }
        this.rate = rate;
        this.transactionRows = transactionRows;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        this.warmupRows = warmupRows;
        this.contestants = contestants;
    }

    /**
     * From {@code -Drate} (5000 rows/s), {@code -Dtxn.rows} (50), {@code -Dduration.s} (60), {@code -Dwarmup.s} (5),
     * {@code -Dwarmup.rows} (50000) and {@code -Dcontestants} (tributary,debezium,ceiling).
     */
    public static CdcLatencyBenchmark fromSystemProperties() {
        List<Contestant> all = List.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM, Contestant.CEILING);
        return new CdcLatencyBenchmark(Integer.getInteger("rate", 5_000), Integer.getInteger("txn.rows", 50),
                Integer.getInteger("duration.s", 60), Integer.getInteger("warmup.s", 5),
                Long.getLong("warmup.rows", 50_000), Contestants.fromSystemProperty(all, EnumSet.copyOf(all)));
    }

    @Override
    public String name() {
        return "cdc-latency";
    }

    @Override
    public Result run() throws Exception {
        Map<Contestant, Measurement> measured = new EnumMap<>(Contestant.class);
        try (CdcEnvironment environment = CdcEnvironment.start(contestants)) {
            if (warmupRows > 0) {
                // JIT and broker warm-up through the ceiling, as in the other CDC cases: the first contestant would
                // otherwise pay for compiling the worker's and the broker's paths while it is measured.
                environment.timeCeiling(Contestant.CEILING.names(name() + "_warmup"), warmupRows);
            }
            for (Contestant contestant : contestants) {
                Measurement measurement = measure(environment, contestant);
                measured.put(contestant, measurement);
                System.err.printf(Locale.ROOT, "%s %s: %s%n", name(), contestant.id(), measurement);
            }
        }
        Result result = new Result(name()).put("rate", rate).put("txn_rows", transactionRows)
                .put("duration_s", durationSeconds);
        // Tributary's figures carry no prefix (the p50_ms/p99_ms/peak_heap_mb); Debezium's are prefixed.
        putFigures(result, "", measured.get(Contestant.TRIBUTARY));
        putFigures(result, "debezium_", measured.get(Contestant.DEBEZIUM));
        putFigures(result, "ceiling_", measured.get(Contestant.CEILING));
        return result;
    }

    private static void putFigures(Result result, String prefix, Measurement m) {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (m != null) {
            figures.put("p50_ms", m.latency().p50Ms());
            figures.put("p99_ms", m.latency().p99Ms());
            figures.put("max_ms", m.latency().maxMs());
            figures.put("worst_at_s", m.latency().worstAtSeconds());
            figures.put("over_250ms_pct", m.latency().over250MsPercent());
            figures.put("peak_heap_mb", CdcFigures.mebibytes(m.peakHeapBytes()));
            figures.put("peak_live_heap_mb", CdcFigures.mebibytes(m.peakLiveHeapBytes()));
            figures.put("baseline_heap_mb", CdcFigures.mebibytes(m.baselineHeapBytes()));
            if (!Double.isNaN(m.insertedRowsPerSecond())) { // the ceiling inserts nothing
                figures.put("inserted_rows_per_s", m.insertedRowsPerSecond());
            }
            figures.put("drain_ms", m.drainMs());
            figures.put("bytes_per_record", m.bytesPerRecord());
        }
        for (String key : List.of("p50_ms", "p99_ms", "max_ms", "worst_at_s", "over_250ms_pct", "peak_heap_mb",
                "peak_live_heap_mb",
                "baseline_heap_mb", "inserted_rows_per_s", "drain_ms", "bytes_per_record")) {
            Double value = figures.get(key);
            if (value == null) {
                result.putText(prefix + key, CdcFigures.NOT_MEASURED);
            } else {
                result.put(prefix + key, value);
            }
        }
    }

    private Measurement measure(CdcEnvironment environment, Contestant contestant) throws Exception {
        Contestant.Names names = contestant.names(name());
        long transactions = (long) rate * durationSeconds / transactionRows;
        Path startFile = environment.startFile(names);
        if (contestant.readsPostgres()) {
            environment.resetTable();
        }
        environment.prepare(contestant, names);
        if (contestant == Contestant.CEILING) {
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put(GeneratedChangeEventConfig.RATE, Integer.toString(rate));
            overrides.put(GeneratedChangeEventConfig.TRANSACTION_ROWS, Integer.toString(transactionRows));
            overrides.putAll(ConnectorConfigs.overrides(contestant, System.getProperties()));
            environment.startAndAwaitReady(contestant, names, ConnectorConfigs.ceiling(names,
                    transactions * transactionRows, 1, startFile.toString(), overrides));
        } else {
            environment.startAndAwaitReady(contestant, names, ConnectorConfigs.cdc(contestant, names,
                    environment.database(), "no_data", ConnectorConfigs.overrides(contestant, System.getProperties())));
        }
        LatencyBook book = new LatencyBook(rate * durationSeconds + 2 * transactionRows);
        long warmupEndMicros;
        double insertedRate;
        long peak;
        long peakLive;
        long baseline;
        long drainNanos;
        try (HeapWatcher heap = HeapWatcher.start()) {
            warmupEndMicros = EmitSchedule.nowMicros() + TimeUnit.SECONDS.toMicros(warmupSeconds);
            if (contestant == Contestant.CEILING) {
                emitSteadily(startFile, book, transactions);
                insertedRate = Double.NaN;
            } else {
                insertedRate = insertSteadily(environment, book, transactions);
            }
            long insertsDone = System.nanoTime();
            drainNanos = environment.reader().awaitCount(names.topic(), book.lastId(), CdcEnvironment.STALL,
                    () -> environment.status(names)) - insertsDone;
            peak = heap.peakBytes();
            peakLive = heap.peakAfterGcBytes();
            baseline = heap.baselineBytes();
        }
        TopicReader.Rows delivered = environment.reader().readAll(names.topic());
        DeliveredRows.requireExactly(delivered.ids(), book.lastId(), contestant.id());
        environment.stop(contestant, names);
        return new Measurement(book.summarize(delivered.ids(), delivered.appendMillis(), warmupEndMicros), peak,
                peakLive, baseline, insertedRate, drainNanos / 1e6, delivered.bytesPerRecord());
    }

    /**
     * One transaction of {@code txn.rows} rows every {@code txn.rows / rate} seconds on a fixed schedule (a late
     * transaction is followed by the next one at once, so the average rate holds); returns the rate achieved.
     */
    private double insertSteadily(CdcEnvironment environment, LatencyBook book, long transactions)
            throws Exception {
        long tickNanos = TimeUnit.SECONDS.toNanos(transactionRows) / rate;
        long started = System.nanoTime();
        long nextId = 1;
        try (Connection connection = environment.postgres().superuserConnection();
                Statement statement = connection.createStatement()) {
            // The test server runs with synchronous_commit=off, so a COMMIT returns before its WAL is flushed and a
            // WAL sender sees it only at the WAL writer's next flush (up to wal_writer_delay, 200 ms, later): a delay
            // no connector can avoid and a production server with its default (on) does not have.
            statement.execute("SET synchronous_commit = on");
            for (long i = 0; i < transactions; i++) {
                long due = started + i * tickNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long lastId = nextId + transactionRows - 1;
                statement.executeUpdate(BenchTable.insertRange(nextId, lastId)); // auto-commit: returns after COMMIT
                book.committed(nextId, lastId, EmitSchedule.nowMicros());
                nextId = lastId + 1;
            }
        }
        return CdcFigures.rowsPerSecond(nextId - 1, System.nanoTime() - started);
    }

    /**
     * Books each of the ceiling's rows as committed at its due instant on the schedule, tells the waiting ceiling
     * when the schedule starts (the start file's content, written at once), and returns once the last transaction is
     * due: from then on the drain is timed as after the inserter's last commit.
     */
    private void emitSteadily(Path startFile, LatencyBook book, long transactions) throws Exception {
        EmitSchedule schedule = new EmitSchedule(EmitSchedule.nowMicros() + START_LEAD_MICROS, rate,
                transactionRows, 1);
        long lastId = transactions * transactionRows;
        for (long first = 1; first <= lastId; first += transactionRows) {
            book.committed(first, first + transactionRows - 1, schedule.dueMicros(first));
        }
        Path written = Files.writeString(startFile.resolveSibling(startFile.getFileName() + ".tmp"),
                Long.toString(schedule.startMicros()));
        Files.move(written, startFile, StandardCopyOption.ATOMIC_MOVE);
        long lastDue = schedule.dueMicros(lastId);
        for (long wait = lastDue - EmitSchedule.nowMicros(); wait > 0; wait = lastDue - EmitSchedule.nowMicros()) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(wait));
        }
    }

    /**
     * {@code drainMs}: from the last commit until every row was in Kafka; far above the p50 it means the connector
     * did not keep up with the rate and the percentiles measure its backlog. {@code insertedRowsPerSecond}: NaN for
     * the ceiling, which inserts nothing (its schedule is the rate).
     */
    private record Measurement(LatencyBook.Summary latency, long peakHeapBytes, long peakLiveHeapBytes,
            long baselineHeapBytes, double insertedRowsPerSecond, double drainMs, double bytesPerRecord) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rows measured, p50 %.1f ms, p99 %.1f ms, max %.1f ms (committed "
                    + "%.1f s after the warm-up), %.2f%% over 250 ms, peak heap %.0f MiB (live %.0f MiB, baseline "
                    + "%.0f MiB), inserted %.0f rows/s, drained %.0f ms after the last commit, %.0f bytes/record",
                    latency.samples(),
                    latency.p50Ms(), latency.p99Ms(), latency.maxMs(), latency.worstAtSeconds(),
                    latency.over250MsPercent(), CdcFigures.mebibytes(peakHeapBytes),
                    CdcFigures.mebibytes(peakLiveHeapBytes), CdcFigures.mebibytes(baselineHeapBytes),
                    insertedRowsPerSecond, drainMs, bytesPerRecord);
        }
    }
}
