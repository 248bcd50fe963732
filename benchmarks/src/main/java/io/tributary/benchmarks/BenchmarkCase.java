package io.tributary.benchmarks;

/** One benchmark: runs Tributary and its baseline side by side in one run and reports figures and ratios. */
public interface BenchmarkCase {

    /** The name {@code benchmarks/run.sh} takes and the {@code RESULT} line starts with. */
    String name();

    /** Runs the case; the figures go on the {@code RESULT} line in the order they are added. */
    Result run() throws Exception;
}
