package io.tributary.cdc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.connection.ConnectionSettings;
import io.tributary.cdc.connection.PgConnectionFactory;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.AckTracker;
import io.tributary.cdc.offset.CdcOffset;
import io.tributary.cdc.offset.SnapshotPartAcks;
import io.tributary.cdc.offset.SourcePartitions;
import io.tributary.cdc.stream.ChangeStreamReader;
import io.tributary.cdc.stream.RecordQueue;
import io.tributary.cdc.stream.SnapshotPartReader;
import io.tributary.cdc.stream.TaskReader;
import io.tributary.common.Version;

/**
 * Streams one database's changes: a reader thread fills a bounded queue that {@link #poll()} drains; the slot is
 * confirmed only up to what Kafka has acknowledged ({@link #commitRecord}). With {@code tasks.max > 1} the first task
 * does that and the others only read their shares of its snapshots ({@link SnapshotPartReader}).
 */
public class PostgresCdcTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(PostgresCdcTask.class);
    private static final long STOP_WAIT_MS = 30_000;
    /** Task config keys the connector adds: this task's part of a snapshot, and how many parts there are. */
    static final String SNAPSHOT_PART = "tributary.snapshot.part";
    static final String SNAPSHOT_PARTS = "tributary.snapshot.parts";

    private final ConnectionFactory injectedConnections;
    private final Clock clock;

    private PostgresCdcConnectorConfig config;
    private ConnectionFactory connections;
    private RecordQueue queue;
    private AckTracker tracker;
    private TaskReader reader;
    private Thread readerThread;
    /** For a task other than the first: when its snapshot share is durable. */
    private SnapshotPartAcks partAcks;
    private TransactionContext transactions;
    private CdcMetrics metrics;

    public PostgresCdcTask() {
        this(null, Clock.systemUTC());
    }

    /** For tests: connections from {@code connections} (null: from the config), time from {@code clock}. */
    PostgresCdcTask(ConnectionFactory connections, Clock clock) {
        this.injectedConnections = connections;
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new PostgresCdcConnectorConfig(props);
        int part = Integer.parseInt(props.getOrDefault(SNAPSHOT_PART, "0"));
        int parts = Integer.parseInt(props.getOrDefault(SNAPSHOT_PARTS, "1"));
        connections = injectedConnections != null ? injectedConnections
                : new PgConnectionFactory(ConnectionSettings.of(config));
        Map<String, ?> partition = SourcePartitions.of(config.topicPrefix(), part);
        CdcOffset stored = CdcOffset.fromMap(context.offsetStorageReader().offset(partition));
        queue = new RecordQueue(config.maxQueueSize());
        // Records the producer acknowledged may belong to a Kafka transaction that aborts: confirm only in commit().
        tracker = new AckTracker(true);
        transactions = context.transactionContext();
        ChangeEventFactory events = new ChangeEventFactory(config.topicPrefix(), partition,
                config.tombstonesOnDelete(), config.skippedOperations(), clock);
        metrics = new CdcMetrics(config.topicPrefix(), part == 0 ? -1 : part, clock, queue::remainingCapacity,
                config.maxQueueSize());
        if (part == 0) {
            reader = new ChangeStreamReader(config, connections, stored, queue, events, clock, transactions != null,
                    metrics, tracker, parts);
        } else {
            partAcks = new SnapshotPartAcks();
            reader = new SnapshotPartReader(config, connections, stored, queue, events, clock, transactions != null,
                    metrics, partAcks, part, parts);
        }
        readerThread = new Thread(reader, "tributary-cdc-reader-" + config.topicPrefix()
                + (part == 0 ? "" : "-part-" + part));
        readerThread.setDaemon(true);
        readerThread.start();
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (partAcks != null) {
            partAcks.polling();
        }
        List<RecordQueue.Queued> queued = queue.poll(config.maxBatchSize(), config.pollInterval());
        if (queued.isEmpty()) {
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(queued.size());
        for (RecordQueue.Queued entry : queued) {
            batch.add(entry.record());
            if (entry.endsTransaction()) {
                transactions.commitTransaction(entry.record());
            }
        }
        return batch;
    }

    /**
     * Connect calls this after it committed offsets or, with exactly-once support, a Kafka transaction: the records
     * acknowledged so far are now safe, and the slot may be confirmed up to them.
     */
    @Override
    public void commit() {
        if (tracker != null) {
            tracker.kafkaCommitted();
        }
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (record.topic().equals(config.heartbeatTopic())) {
            return; // repeats the position of a record already counted
        }
        CdcOffset offset = CdcOffset.fromMap(record.sourceOffset());
        if (partAcks != null) {
            partAcks.acknowledged(offset);
        } else if (offset != null && !offset.snapshot()) {
            tracker.acknowledged(offset.lsn());
        }
    }

    /** The walsender lets go of the slot shortly after its connection closes. False when there is no slot. */
    private boolean awaitInactive(Catalog catalog) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            var slot = catalog.slot(config.slotName());
            if (slot.isEmpty()) {
                return false;
            }
            if (!slot.get().active() || System.nanoTime() > deadline) {
                return true;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void stop() {
        if (reader == null) {
            return;
        }
        reader.stop();
        try {
            readerThread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (readerThread.isAlive()) {
            log.warn("The change reader did not stop within {} ms", STOP_WAIT_MS);
        }
        metrics.close();
        if (config.dropSlotOnStop() && partAcks == null) {
            try (Catalog catalog = connections.catalog()) {
                if (awaitInactive(catalog)) {
                    catalog.dropSlot(config.slotName());
                    log.info("Dropped slot '{}' (slot.drop.on.stop=true)", config.slotName());
                }
            } catch (Exception e) {
                log.warn("Could not drop slot '{}': {}", config.slotName(), e.getMessage());
            }
        }
    }
}
