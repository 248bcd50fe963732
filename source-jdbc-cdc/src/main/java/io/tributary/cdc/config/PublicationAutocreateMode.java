package io.tributary.cdc.config;

/** Whether and how the connector creates its publication, as Debezium's {@code publication.autocreate.mode}. */
public enum PublicationAutocreateMode {
    /** The publication must exist; the connector never creates it. */
    DISABLED,
    /** Create it {@code FOR ALL TABLES} (needs a superuser). */
    ALL_TABLES,
    /** Create it for the captured tables (needs ownership of them, not superuser). */
    FILTERED
}
