package io.tributary.benchmarks.cdc;

/**
 * How long a contestant took to put its rows in Kafka, the mean size of its records (key + value as the converter
 * wrote them), which shows whether the contestants' records really cost the framework the same, and how many records
 * its produce requests carried ({@link ProducerRequests}).
 */
record Timing(long nanos, double bytesPerRecord, double recordsPerRequest) {

    Timing(long nanos, Delivered delivered) {
        this(nanos, delivered.bytesPerRecord(), delivered.recordsPerRequest());
    }

    /** What {@link CdcEnvironment#readBackAndStop} found. */
    record Delivered(double bytesPerRecord, double recordsPerRequest) {
    }
}
