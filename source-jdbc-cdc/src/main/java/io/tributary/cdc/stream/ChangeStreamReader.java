package io.tributary.cdc.stream;

import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.Lsn;
import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.config.SnapshotMode;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.connection.CreatedSlot;
import io.tributary.cdc.connection.ReplicationConnection;
import io.tributary.cdc.connection.ReplicationStream;
import io.tributary.cdc.connection.SlotInfo;
import io.tributary.cdc.decoder.PgOutputDecoder;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.event.TableSchemas;
import io.tributary.cdc.event.TransactionMetadata;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.AckTracker;
import io.tributary.cdc.offset.CdcOffset;
import io.tributary.cdc.offset.StartupPlan;
import io.tributary.cdc.snapshot.SessionSnapshotTeam;
import io.tributary.cdc.snapshot.SnapshotReader;
import io.tributary.cdc.snapshot.SnapshotTeam;

/**
 * The task's reader thread: prepares publication and slot, snapshots when needed, then streams, putting records into
 * the {@link RecordQueue} and confirming to the server what Kafka has acknowledged ({@link AckTracker}).
 */
public final class ChangeStreamReader extends TaskReader {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamReader.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(10);
    private static final Duration CONFIRM_INTERVAL = Duration.ofSeconds(1);

    private final AckTracker tracker;
    private final int snapshotParts;

    /**
     * Confirms to the server what {@code tracker} says Kafka has; a snapshot is read by {@code snapshotParts} tasks
     * together, this one the lead ({@link SnapshotPartReader} the others).
     */
    public ChangeStreamReader(PostgresCdcConnectorConfig config, ConnectionFactory connections, CdcOffset stored,
            RecordQueue queue, ChangeEventFactory events, Clock clock, boolean markTransactionBoundaries,
            CdcMetrics metrics, AckTracker tracker, int snapshotParts) {
        super(config, connections, stored, queue, events, clock, markTransactionBoundaries, metrics);
        this.tracker = tracker;
        this.snapshotParts = snapshotParts;
    }

    @Override
    public void run() {
        try {
            StreamPosition position = prepare();
            while (position != null) {
                try {
                    streamWithRetries(position);
                    position = null;
                } catch (SlotLostException lost) {
                    if (config.snapshotMode() != SnapshotMode.WHEN_NEEDED) {
                        throw lost;
                    }
                    log.warn("{} Taking a new snapshot (snapshot.mode=when_needed).", lost.getMessage());
                    tracker.forget();
                    position = prepare();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            if (running()) {
                Throwable explained = PrivilegeErrors.explain(e, config.user());
                log.error("Change reader failed: {}", explained.getMessage(), e);
                queue.fail(explained);
            }
        }
    }

    /** Publication, slot and snapshot; returns where to stream from, or null when there is nothing to stream. */
    private StreamPosition prepare() throws SQLException, InterruptedException {
        try (Catalog catalog = connections.catalog()) {
            List<TableId> captured = tables.list(catalog);
            schemas(catalog).checkMessageKeys(captured);
            Publications.ensure(catalog, config.publicationName(), config.publicationAutocreateMode(), captured);
            StartupPlan plan = StartupPlan.decide(config.snapshotMode(), stored, catalog.slot(config.slotName()),
                    config.slotName());
            log.info("Starting with {} for {} captured tables (stored offset {})", plan, captured.size(),
                    stored == null ? "none" : stored.toMap());
            if (plan.dropSlot()) {
                catalog.dropSlot(config.slotName());
            }
            if (!plan.createSlot()) {
                return plan.stream() ? new StreamPosition(stored == null ? Lsn.INVALID : stored.lsn(), stored)
                        : notStreaming();
            }
            try (ReplicationConnection replication = connections.replication()) {
                CreatedSlot slot = replication.createSlot(config.slotName(), plan.snapshot());
                log.info("Created slot '{}' at {}", slot.name(), Lsn.format(slot.consistentPoint()));
                if (plan.snapshot()) {
                    SnapshotReader snapshot = snapshotReader(catalog);
                    SnapshotTeam team = snapshotParts == 1 ? SnapshotTeam.ALONE
                            : SessionSnapshotTeam.lead(catalog, config.slotName(), snapshotParts, this::running);
                    if (!snapshot.read(slot.consistentPoint(), slot.snapshotName(), captured, sink, team)) {
                        return null;
                    }
                }
                return plan.stream() ? new StreamPosition(slot.consistentPoint(), null) : notStreaming();
            }
        }
    }

    private StreamPosition notStreaming() {
        log.info("snapshot.mode={}: not streaming", config.snapshotMode());
        return null;
    }

    private TableSchemas schemas(Catalog catalog) {
        return tables.schemas(catalog);
    }

    /**
     * Streams until stopped; a lost connection is retried with a doubling wait, resuming after the last record read,
     * so that nothing is lost or repeated.
     */
    private void streamWithRetries(StreamPosition from) throws SQLException, InterruptedException {
        StreamPosition position = from;
        RetryWait retry = new RetryWait(config);
        while (running()) {
            StreamingHandler handler = null;
            try (Catalog catalog = connections.catalog();
                    ReplicationConnection replication = connections.replication()) {
                handler = new StreamingHandler(schemas(catalog), tables.filter(), events, source, tracker,
                        position.resumeAfter(), sink, metrics, config.provideTransactionMetadata()
                                ? new TransactionMetadata(config.transactionTopic(), events.sourcePartition()) : null);
                stream(replication, catalog, handler, position);
                return;
            } catch (SQLException | RuntimeException e) {
                metrics.connected(false);
                if (!running()) {
                    throw e;
                }
                StreamPosition reached = handler == null ? position : handler.position(position);
                if (!TransientErrors.isTransient(e)) {
                    Optional<SlotLostException> lost = slotLost(reached.startLsn(), e);
                    if (lost.isPresent()) {
                        throw lost.get();
                    }
                    throw e;
                }
                if (!reached.equals(position)) {
                    retry.reset();
                }
                position = reached;
                if (!retry.failed()) {
                    throw new ConnectException("Lost the replication connection " + retry.failures() + " times in a "
                            + "row (errors.max.retries=" + config.maxRetries() + "): " + e.getMessage(), e);
                }
                long wait = retry.waitMillis();
                log.warn("Replication connection lost ({}); reconnecting in {} ms, resuming at {} (attempt {})",
                        e.getMessage(), wait, Lsn.format(position.startLsn()), retry.failures());
                pause(wait);
            }
        }
    }

    /**
     * After a failure that reconnecting cannot cure: whether it is because the slot was dropped or invalidated, said
     * so the user knows what happened and what to do.
     */
    private Optional<SlotLostException> slotLost(long reachedLsn, Exception failure) {
        Optional<SlotInfo> slot;
        try (Catalog catalog = connections.catalog()) {
            slot = catalog.slot(config.slotName());
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return Optional.empty();
        }
        if (slot.isPresent() && !slot.get().invalidated()) {
            return Optional.empty();
        }
        return Optional.of(new SlotLostException(StartupPlan.slotLostMessage(config.slotName(), slot.isPresent(),
                reachedLsn) + " (" + failure.getMessage() + ")", failure));
    }

    private void stream(ReplicationConnection replication, Catalog catalog, StreamingHandler handler,
            StreamPosition from) throws SQLException, InterruptedException {
        long start = from.startLsn();
        log.info("Streaming slot '{}' of publication '{}' from {}", config.slotName(), config.publicationName(),
                Lsn.format(start));
        try (ReplicationStream stream = replication.startStreaming(config.slotName(), config.publicationName(), start,
                config.statusUpdateInterval())) {
            metrics.connected(true);
            long confirmed = Lsn.INVALID;
            long lastConfirmAt = 0;
            long lastLagAt = 0;
            long lastHeartbeatAt = clock.millis();
            while (running()) {
                ByteBuffer message = stream.readPending();
                long now = clock.millis();
                if (message == null || now - lastConfirmAt >= CONFIRM_INTERVAL.toMillis()) {
                    long confirmable = confirmable(stream, message == null);
                    if (confirmable > confirmed) {
                        stream.confirm(confirmable);
                        log.debug("Confirmed {} to the server", Lsn.format(confirmable));
                        confirmed = confirmable;
                    }
                    lastConfirmAt = now;
                }
                if (now - lastLagAt >= config.statusUpdateInterval().toMillis()) {
                    catalog.slotLag(config.slotName()).ifPresent(lag -> metrics.slot(lag[0], lag[1]));
                    lastLagAt = now;
                }
                if (heartbeatDue(now, lastHeartbeatAt) && !handler.inTransaction()) {
                    heartbeat(handler, from);
                    lastHeartbeatAt = now;
                }
                if (message == null) {
                    Thread.sleep(IDLE_WAIT.toMillis());
                    continue;
                }
                handler.handle(PgOutputDecoder.decode(message), stream.lastReceivedLsn());
            }
        }
    }

    private boolean heartbeatDue(long now, long last) {
        long interval = config.heartbeatInterval().toMillis();
        return interval > 0 && now - last >= interval;
    }

    /**
     * Emits a heartbeat between transactions. Its offset repeats the position of the last record emitted (or where
     * streaming started), so it never moves a restart's resume point; it only shows that the connector is alive.
     */
    private void heartbeat(StreamingHandler handler, StreamPosition from) throws InterruptedException {
        CdcOffset position = handler.position(from).resumeAfter();
        CdcOffset offset = position != null && !position.snapshot() ? position
                : CdcOffset.streamed(from.startLsn(), 0, 0);
        sink.accept(events.heartbeat(config.heartbeatTopic(), offset.toMap()));
        sink.transactionEnd();
    }

    /**
     * How far the slot may be confirmed: the end of the acknowledged transactions, or, when idle with nothing
     * unacknowledged, the position the server last reported. The server reports how far it has decoded, and every
     * transaction that committed before that was sent already, so an idle database, or writes only to tables not
     * captured, do not make the slot retain WAL without bound. Nothing is written to the database for this.
     */
    private long confirmable(ReplicationStream stream, boolean idle) {
        long acknowledged = tracker.confirmableLsn();
        if (idle && tracker.settled()) {
            return Math.max(acknowledged, stream.lastReceivedLsn());
        }
        return acknowledged;
    }
}
