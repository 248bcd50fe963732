package io.tributary.s3.config;

/** What the sink does with a record whose value is null (a tombstone). */
public enum NullValueBehavior {
    /** Skip it; its offset still counts as written. */
    IGNORE,
    /** Treat it as a record that cannot be written: to the dead-letter queue if one is configured, else fail. */
    FAIL
}
