package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.BenchmarkCase;
import io.tributary.benchmarks.Result;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streaming throughput: with the connector running, {@code rows} rows are inserted in transactions of
 * {@code txn.rows}; rows/s from the first insert until all rows are in Kafka. Tributary, Debezium and the ceiling,
 * one after another on the same worker and database; with {@code rounds} above 1 they run again, every other round in
 * reverse order, and each contestant's figures are its fastest round's (a drifting machine only ever slows a run).
 */
public final class CdcStreamingBenchmark implements BenchmarkCase {

    private final long rows;
    private final int transactionRows;
    private final long warmupRows;
    private final List<Contestant> contestants;
    private final int rounds;

    public CdcStreamingBenchmark(long rows, int transactionRows, long warmupRows, List<Contestant> contestants,
            int rounds) {
        this.rounds = rounds;
        this.rows = rows;
        this.transactionRows = transactionRows;
        this.warmupRows = warmupRows;
        this.contestants = contestants;
    }

    /**
     * From {@code -Drows} (200000), {@code -Dtxn.rows} (1000), {@code -Dwarmup.rows}, {@code -Dcontestants},
     * {@code -Drounds} (1).
     */
    public static CdcStreamingBenchmark fromSystemProperties() {
        long rows = Long.getLong("rows", 200_000);
        return new CdcStreamingBenchmark(rows, Integer.getInteger("txn.rows", 1_000),
                Long.getLong("warmup.rows", Math.min(rows, 50_000)),
                Contestants.fromSystemProperty(List.of(Contestant.values()), EnumSet.allOf(Contestant.class)),
                Integer.getInteger("rounds", 1));
    }

    @Override
    public String name() {
        return "cdc-streaming";
    }

    @Override
    public Result run() throws Exception {
        Map<Contestant, Double> rates = new EnumMap<>(Contestant.class);
        Map<Contestant, Double> recordBytes = new EnumMap<>(Contestant.class);
        Map<Contestant, Double> recordsPerRequest = new EnumMap<>(Contestant.class);
        try (CdcEnvironment environment = CdcEnvironment.start(contestants)) {
            if (warmupRows > 0) {
                // JIT and broker warm-up through the ceiling, not counted: the first contestant is not penalised.
                environment.timeCeiling(Contestant.CEILING.names(name() + "_warmup"), warmupRows);
            }
            for (int round = 1; round <= rounds; round++) {
                List<Contestant> order = new ArrayList<>(contestants);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                String run = rounds == 1 ? name() : name() + "_round" + round;
                for (Contestant contestant : order) {
                    Timing timing = contestant.readsPostgres()
                            ? stream(environment, contestant, contestant.names(run))
                            : environment.timeCeiling(contestant.names(run), rows);
                    double rate = CdcFigures.rowsPerSecond(rows, timing.nanos());
                    if (rate > rates.getOrDefault(contestant, 0.0)) {
                        rates.put(contestant, rate);
                        recordBytes.put(contestant, timing.bytesPerRecord());
                        recordsPerRequest.put(contestant, timing.recordsPerRequest());
                    }
                    System.err.printf(Locale.ROOT, "%s %s: round %d: %d rows in %.2f s, %.0f rows/s, "
                            + "%.0f bytes/record, %.2f records/produce request%n", name(), contestant.id(), round,
                            rows, timing.nanos() / 1e9, rate, timing.bytesPerRecord(), timing.recordsPerRequest());
                }
            }
        }
        Result result = new Result(name()).put("rows", rows).put("txn_rows", transactionRows).put("rounds", rounds);
        for (Contestant contestant : Contestant.values()) {
            CdcFigures.put(result, contestant.id() + "_rows_per_s", rates, contestant);
        }
        CdcFigures.putRatio(result, "ratio_vs_debezium", rates, Contestant.TRIBUTARY, Contestant.DEBEZIUM);
        CdcFigures.putRatio(result, "ratio_vs_ceiling", rates, Contestant.TRIBUTARY, Contestant.CEILING);
        CdcFigures.putRatio(result, "ceiling_vs_debezium", rates, Contestant.CEILING, Contestant.DEBEZIUM);
        for (Contestant contestant : Contestant.values()) {
            CdcFigures.put(result, contestant.id() + "_bytes_per_record", recordBytes, contestant);
        }
        for (Contestant contestant : Contestant.values()) {
            CdcFigures.put(result, contestant.id() + "_records_per_request", recordsPerRequest, contestant);
        }
        return result;
    }

    /** From the first insert until the topic holds every row. */
    private Timing stream(CdcEnvironment environment, Contestant contestant, Contestant.Names names)
            throws Exception {
        environment.resetTable();
        environment.prepare(contestant, names);
        environment.startAndAwaitReady(contestant, names, ConnectorConfigs.cdc(contestant, names,
                environment.database(), "no_data", ConnectorConfigs.overrides(contestant, System.getProperties())));
        long started = System.nanoTime();
        try (Connection connection = environment.postgres().superuserConnection();
                Statement statement = connection.createStatement()) {
            for (long first = 1; first <= rows; first += transactionRows) {
                statement.executeUpdate(BenchTable.insertRange(first, Math.min(rows, first + transactionRows - 1)));
            }
        }
        long inserted = System.nanoTime();
        long done = environment.reader().awaitCount(names.topic(), rows, CdcEnvironment.STALL,
                () -> environment.status(names));
        System.err.printf(Locale.ROOT, "%s %s: inserts took %.2f s%n", name(), contestant.id(),
                (inserted - started) / 1e9);
        return new Timing(done - started, environment.readBackAndStop(contestant, names, rows));
    }
}
