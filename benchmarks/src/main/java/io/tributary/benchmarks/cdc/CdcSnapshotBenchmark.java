package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.Result;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Snapshot throughput: a table of {@code rows} rows, read by a new connector ({@code snapshot.mode=initial}); rows/s
 * from the connector's creation until every row is in Kafka. Tributary and Debezium, on the same table. Tributary
 * runs {@code tributary.tasks} tasks (its parallel snapshot); Debezium's PostgreSQL connector runs one, its maximum.
 * The ceiling emits the same number of events of the same shape from as many tasks as Tributary runs, reading
 * nothing: what any connector with that many tasks could reach on this worker (its clock starts with its tasks
 * already running, so it is timed a little in its favour).
 */
public final class CdcSnapshotBenchmark implements BenchmarkCase {

    private static final long LOAD_CHUNK = 100_000;

    private final long rows;
    private final long warmupRows;
    private final List<Contestant> contestants;
    private final int tributaryTasks;

    public CdcSnapshotBenchmark(long rows, long warmupRows, List<Contestant> contestants, int tributaryTasks) {
        this.rows = rows;
        this.warmupRows = warmupRows;
        this.contestants = contestants;
        this.tributaryTasks = tributaryTasks;
    }

    /**
     * From {@code -Drows} (1000000), {@code -Dwarmup.rows} (min(rows, 200000)), {@code -Dcontestants}
     * (tributary,debezium,ceiling),
     * {@code -Dtributary.tasks} (4, also the ceiling's).
     */
    public static CdcSnapshotBenchmark fromSystemProperties() {
        long rows = Long.getLong("rows", 1_000_000);
        List<Contestant> all = List.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM, Contestant.CEILING);
        return new CdcSnapshotBenchmark(rows, Long.getLong("warmup.rows", Math.min(rows, 200_000)),
                Contestants.fromSystemProperty(all, EnumSet.copyOf(all)),
                Integer.getInteger("tributary.tasks", 4));
    }

    @Override
    public String name() {
        return "cdc-snapshot";
    }

    @Override
    public Result run() throws Exception {
        Map<Contestant, Double> rates = new EnumMap<>(Contestant.class);
        Map<Contestant, Double> recordBytes = new EnumMap<>(Contestant.class);
        Map<Contestant, Double> recordsPerRequest = new EnumMap<>(Contestant.class);
        try (CdcEnvironment environment = CdcEnvironment.start(contestants)) {
            load(environment);
            if (warmupRows > 0) {
                // As many tasks as the measured contestants run, so the JIT starts on the worker's and the broker's
                // paths for that many producers before anyone is timed. It does not settle them: whoever runs
                // first still pays for part of the recompiling (see the README), so compare both orders.
                environment.timeCeiling(Contestant.CEILING.names(name() + "_warmup"), warmupRows, tributaryTasks);
            }
            for (Contestant contestant : contestants) {
                Timing timing = contestant == Contestant.CEILING
                        ? environment.timeCeiling(contestant.names(name()), rows, tributaryTasks)
                        : snapshot(environment, contestant);
                double rate = CdcFigures.rowsPerSecond(rows, timing.nanos());
                rates.put(contestant, rate);
                recordBytes.put(contestant, timing.bytesPerRecord());
                recordsPerRequest.put(contestant, timing.recordsPerRequest());
                System.err.printf(Locale.ROOT, "%s %s: %d rows in %.2f s, %.0f rows/s, %.0f bytes/record, "
                        + "%.2f records/produce request%n", name(),
                        contestant.id(), rows, timing.nanos() / 1e9, rate, timing.bytesPerRecord(),
                        timing.recordsPerRequest());
            }
        }
        Result result = new Result(name()).put("rows", rows).put("tributary_tasks", tributaryTasks);
        CdcFigures.put(result, "tributary_rows_per_s", rates, Contestant.TRIBUTARY);
        CdcFigures.put(result, "debezium_rows_per_s", rates, Contestant.DEBEZIUM);
        CdcFigures.put(result, "ceiling_rows_per_s", rates, Contestant.CEILING);
        CdcFigures.putRatio(result, "ratio_vs_debezium", rates, Contestant.TRIBUTARY, Contestant.DEBEZIUM);
        CdcFigures.putRatio(result, "ratio_vs_ceiling", rates, Contestant.TRIBUTARY, Contestant.CEILING);
        CdcFigures.putRatio(result, "ceiling_vs_debezium", rates, Contestant.CEILING, Contestant.DEBEZIUM);
        for (Contestant contestant : List.of(Contestant.TRIBUTARY, Contestant.DEBEZIUM, Contestant.CEILING)) {
            CdcFigures.put(result, contestant.id() + "_bytes_per_record", recordBytes, contestant);
            CdcFigures.put(result, contestant.id() + "_records_per_request", recordsPerRequest, contestant);
        }
        return result;
    }

    /**
     * Fills the table, then freezes and analyses it and reads it once, so that neither contestant pays for setting
     * hint bits or for a cold cache that the other then enjoys.
     */
    private void load(CdcEnvironment environment) {
        long started = System.nanoTime();
        for (long first = 1; first <= rows; first += LOAD_CHUNK) {
            environment.postgres().execute(BenchTable.insertRange(first, Math.min(rows, first + LOAD_CHUNK - 1)));
        }
        environment.postgres().execute("VACUUM (FREEZE, ANALYZE) " + BenchTable.QUALIFIED_NAME, "CHECKPOINT",
                "SELECT count(*) FROM " + BenchTable.QUALIFIED_NAME);
        System.err.printf(Locale.ROOT, "%s: loaded %d rows in %.2f s%n", name(), rows,
                (System.nanoTime() - started) / 1e9);
    }

    /** From creating the connector until the topic holds every row. */
    private Timing snapshot(CdcEnvironment environment, Contestant contestant) throws Exception {
        Contestant.Names names = contestant.names(name());
        environment.prepare(contestant, names);
        Map<String, String> overrides = new LinkedHashMap<>();
        if (contestant == Contestant.TRIBUTARY) {
            overrides.put("tasks.max", Integer.toString(tributaryTasks));
        }
        overrides.putAll(ConnectorConfigs.overrides(contestant, System.getProperties()));
        var config = ConnectorConfigs.cdc(contestant, names, environment.database(), "initial", overrides);
        long started = System.nanoTime();
        environment.create(names, config);
        long done = environment.reader().awaitCount(names.topic(), rows, CdcEnvironment.STALL,
                () -> environment.status(names));
        return new Timing(done - started, environment.readBackAndStop(contestant, names, rows));
    }
}
