package io.tributary.benchmarks.cdc;

import io.tributary.benchmarks.ceiling.GeneratedChangeEventSource;
import java.util.Locale;

/** A connector the CDC benchmarks measure. */
public enum Contestant {
    /** Tributary's connector, from source-jdbc-cdc's packaged plugin. */
    TRIBUTARY("io.tributary.cdc.PostgresCdcConnector", true),
    /** Debezium's PostgreSQL connector, from benchmark-peers' plugin directory. */
    DEBEZIUM("io.debezium.connector.postgresql.PostgresConnector", true),
    /** The no-op source emitting the same records: what the framework allows at best. */
    CEILING(GeneratedChangeEventSource.class.getName(), false);

    private final String connectorClass;
    private final boolean readsPostgres;

    Contestant(String connectorClass, boolean readsPostgres) {
        this.connectorClass = connectorClass;
        this.readsPostgres = readsPostgres;
    }

    public String connectorClass() {
        return connectorClass;
    }

    /** Whether it captures changes from PostgreSQL (and so needs a slot and a publication). */
    public boolean readsPostgres() {
        return readsPostgres;
    }

    /** Lower-case name: in {@code -Dcontestants=}, figure names and connector, slot and topic names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Connector, topic prefix, slot and publication of this contestant in one benchmark run. */
    public Names names(String run) {
        String base = "bench_" + run.replace('-', '_') + "_" + id();
        return new Names(base, base, base, base + "_pub");
    }

    /** What one contestant creates, so that it shares nothing with the others. */
    public record Names(String connector, String topicPrefix, String slot, String publication) {

        public String topic() {
            return BenchTable.topic(topicPrefix);
        }
    }
}
