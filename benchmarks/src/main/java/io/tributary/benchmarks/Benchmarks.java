package io.tributary.benchmarks;

import io.tributary.benchmarks.cdc.CdcLatencyBenchmark;
import io.tributary.benchmarks.cdc.CdcSnapshotBenchmark;
import io.tributary.benchmarks.cdc.CdcStreamingBenchmark;
import io.tributary.benchmarks.s3.S3MemoryBenchmark;
import io.tributary.benchmarks.s3.S3ThroughputBenchmark;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Entry point of {@code benchmarks/run.sh <case>}: runs one case and prints its {@code RESULT} line last. */
public final class Benchmarks {

    private static final Map<String, Supplier<BenchmarkCase>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("connect-startup", () -> new ConnectStartupBenchmark(Integer.getInteger("rounds", 3)));
        CASES.put("cdc-streaming", CdcStreamingBenchmark::fromSystemProperties);
        CASES.put("cdc-snapshot", CdcSnapshotBenchmark::fromSystemProperties);
        CASES.put("cdc-latency", CdcLatencyBenchmark::fromSystemProperties);
        CASES.put("s3-throughput", S3ThroughputBenchmark::fromSystemProperties);
        CASES.put("s3-memory", S3MemoryBenchmark::fromSystemProperties);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !CASES.containsKey(args[0])) {
            System.err.println("usage: benchmarks/run.sh <case>; cases: " + String.join(", ", CASES.keySet()));
            System.exit(2);
        }
        Result result = CASES.get(args[0]).get().run();
        System.out.flush();
        System.out.println(result.line());
        // Embedded servers leave non-daemon threads behind; the figures are out, so end here.
        System.exit(0);
    }
}
