package io.tributary.cdc.stream;

import java.time.Clock;

import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.event.SourceInfo;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.CdcOffset;
import io.tributary.cdc.snapshot.SnapshotReader;

/**
 * A task's reader thread: what it reads from ({@code connections}, the task's {@code stored} offset) and where it puts
 * records (the {@link RecordQueue}, through a {@link QueueSink}), and stopping. With {@code markTransactionBoundaries}
 * the last record of each source transaction, and of a snapshot share, is queued as the end of a Kafka transaction
 * (connector-defined transaction boundaries, KIP-618).
 */
public abstract class TaskReader implements Runnable {

    protected final PostgresCdcConnectorConfig config;
    protected final ConnectionFactory connections;
    protected final CdcOffset stored;
    protected final RecordQueue queue;
    protected final ChangeEventFactory events;
    protected final Clock clock;
    protected final CdcMetrics metrics;
    protected final QueueSink sink;
    protected final CapturedTables tables;
    protected final SourceInfo source;
    private volatile boolean running = true;

    protected TaskReader(PostgresCdcConnectorConfig config, ConnectionFactory connections, CdcOffset stored,
            RecordQueue queue, ChangeEventFactory events, Clock clock, boolean markTransactionBoundaries,
            CdcMetrics metrics) {
        this.config = config;
        this.connections = connections;
        this.stored = stored;
        this.queue = queue;
        this.events = events;
        this.clock = clock;
        this.metrics = metrics;
        this.sink = new QueueSink(queue, markTransactionBoundaries, this::running);
        this.tables = new CapturedTables(config);
        this.source = new SourceInfo(config.topicPrefix(), config.dbname());
    }

    public final void stop() {
        running = false;
    }

    protected final boolean running() {
        return running;
    }

    /** Sleeps up to {@code millis}, waking early when stopped. */
    protected final void pause(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (running && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000L)));
        }
    }

    /** A reader of snapshots with the schemas {@code catalog} gives. */
    protected final SnapshotReader snapshotReader(Catalog catalog) {
        return new SnapshotReader(connections, tables.schemas(catalog), events, source, config.snapshotFetchSize(),
                config.snapshotChunkSize(), clock, this::running, metrics);
    }
}
