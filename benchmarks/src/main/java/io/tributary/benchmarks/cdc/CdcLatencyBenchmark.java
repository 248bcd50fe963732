package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.HeapWatcher;
import io.tributary.benchmarks.Result;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
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
 * percentiles.
 */
public final class CdcLatencyBenchmark implements BenchmarkCase {

    private final int rate;
    private final int transactionRows;
    private final int durationSeconds;
    private final int warmupSeconds;
    private final List<Contestant> contestants;

    public CdcLatencyBenchmark(int rate, int transactionRows, int durationSeconds, int warmupSeconds,
            List<Contestant> contestants) {
        if (rate <= 0 || transactionRows <= 0 || durationSeconds <= warmupSeconds || warmupSeconds < 0) {
            throw new IllegalArgumentException("Need rate > 0, txn.rows > 0 and duration.s > warmup.s >= 0");
        }
        this.rate = rate;
        this.transactionRows = transactionRows;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        this.contestants = contestants;
    }

    /**
     * From {@code -Drate} (5000 rows/s), {@code -Dtxn.rows} (50), {@code -Dduration.s} (60), {@code -Dwarmup.s} (5)
     * and {@code -Dcontestants} (tributary,debezium).
     */
    public static CdcLatencyBenchmark fromSystemProperties() {
        return new CdcLatencyBenchmark(Integer.getInteger("rate", 5_000), Integer.getInteger("txn.rows", 50),
                Integer.getInteger("duration.s", 60), Integer.getInteger("warmup.s", 5),
                Contestants.fromSystemProperty(List.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM),
                        EnumSet.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM)));
    }

    @Override
    public String name() {
        return "cdc-latency";
    }

    @Override
    public Result run() throws Exception {
        Map<Contestant, Measurement> measured = new EnumMap<>(Contestant.class);
        try (CdcEnvironment environment = CdcEnvironment.start(contestants)) {
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
            figures.put("inserted_rows_per_s", m.insertedRowsPerSecond());
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
        environment.resetTable();
        environment.prepare(contestant, names);
        environment.startAndAwaitReady(contestant, names, ConnectorConfigs.cdc(contestant, names,
                environment.database(), "no_data", ConnectorConfigs.overrides(contestant, System.getProperties())));
        LatencyBook book = new LatencyBook(rate * durationSeconds + 2 * transactionRows);
        long warmupEndMicros;
        double insertedRate;
        long peak;
        long peakLive;
        long baseline;
        long drainNanos;
        try (HeapWatcher heap = HeapWatcher.start()) {
            warmupEndMicros = nowMicros() + TimeUnit.SECONDS.toMicros(warmupSeconds);
            insertedRate = insertSteadily(environment, book);
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
    private double insertSteadily(CdcEnvironment environment, LatencyBook book) throws Exception {
        long tickNanos = TimeUnit.SECONDS.toNanos(transactionRows) / rate;
        long transactions = (long) rate * durationSeconds / transactionRows;
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
                book.committed(nextId, lastId, nowMicros());
                nextId = lastId + 1;
            }
        }
        return CdcFigures.rowsPerSecond(nextId - 1, System.nanoTime() - started);
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }

    /**
     * {@code drainMs}: from the last commit until every row was in Kafka; far above the p50 it means the connector
     * did not keep up with the rate and the percentiles measure its backlog.
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
