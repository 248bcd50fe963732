package io.tributary.benchmarks.cdc;

/**
 * How long a contestant took to put its rows in Kafka, and the mean size of its records (key + value as the
 * converter wrote them), which shows whether the contestants' records really cost the framework the same.
 */
record Timing(long nanos, double bytesPerRecord) {
}
