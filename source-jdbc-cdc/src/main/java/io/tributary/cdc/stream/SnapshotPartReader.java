package io.tributary.cdc.stream;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.Lsn;
import io.tributary.cdc.config.PostgresCdcConnectorConfig;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.CdcOffset;
import io.tributary.cdc.offset.SnapshotPartAcks;
import io.tributary.cdc.snapshot.SessionSnapshotTeam;
import io.tributary.cdc.snapshot.SnapshotSessions;

/**
 * The reader thread of a task other than the first when {@code tasks.max > 1}: it never streams, it reads its share
 * of each snapshot the first task shares, and then waits for the next one (a new slot under
 * {@code snapshot.mode=when_needed} or {@code always}). A share it already completed, as its stored offset says, is
 * not read again after a restart.
 */
public final class SnapshotPartReader extends TaskReader {

    private static final Logger log = LoggerFactory.getLogger(SnapshotPartReader.class);
    private static final long LOOK_MS = 1_000;

    private final SnapshotPartAcks acks;
    private final int part;
    private final int parts;
    /** The consistent point of the last snapshot whose share this task completed; -1 for none. */
    private long completed;

    /** Task {@code part} of {@code parts}; {@code acks} says when its share is durable in Kafka. */
    public SnapshotPartReader(PostgresCdcConnectorConfig config, ConnectionFactory connections, CdcOffset stored,
            RecordQueue queue, ChangeEventFactory events, Clock clock, boolean markTransactionBoundaries,
            CdcMetrics metrics, SnapshotPartAcks acks, int part, int parts) {
        super(config, connections, stored, queue, events, clock, markTransactionBoundaries, metrics);
        this.acks = acks;
        this.part = part;
        this.parts = parts;
        this.completed = stored != null && stored.snapshot() && stored.lastSnapshotRecord() ? stored.lsn() : -1;
    }

    @Override
    public void run() {
        RetryWait retry = new RetryWait(config);
        while (running()) {
            try (Catalog catalog = connections.catalog()) {
                while (running()) {
                    Optional<SnapshotSessions.Shared> shared = SessionSnapshotTeam.shared(catalog,
                            config.slotName());
                    if (shared.isPresent()) {
                        readShare(catalog, shared.get());
                        retry.reset();
                    } else {
                        pause(LOOK_MS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running()) {
                    return;
                }
                if (!TransientErrors.isTransient(e) || !retry.failed()) {
                    Throwable explained = PrivilegeErrors.explain(e, config.user());
                    log.error("Snapshot part {} failed: {}", part, explained.getMessage(), e);
                    queue.fail(explained);
                    return;
                }
                long wait = retry.waitMillis();
                log.warn("Snapshot part {} lost its connection ({}); retrying in {} ms", part, e.getMessage(), wait);
                try {
                    pause(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Reads this task's share of {@code shared}, or (completed before a restart) only says so again. A snapshot the
     * lead stopped sharing before this task imported it, or while reading, is left for the next one.
     */
    private void readShare(Catalog catalog, SnapshotSessions.Shared shared) throws InterruptedException {
        List<TableId> captured = shared.lsn() == completed ? List.of() : tables.list(catalog);
        try {
            if (snapshotReader(catalog).read(shared.lsn(), shared.snapshotName(), captured, sink,
                    SessionSnapshotTeam.member(catalog, config.slotName(), part, parts, acks, this::running))) {
                completed = shared.lsn();
            }
        } catch (RuntimeException e) {
            Optional<SnapshotSessions.Shared> now = SessionSnapshotTeam.shared(catalog, config.slotName());
            if (now.isPresent() && now.get().equals(shared)) {
                throw e;
            }
            log.info("The snapshot at {} ended before part {} was read ({}); waiting for the next",
                    Lsn.format(shared.lsn()), part, e.getMessage());
        }
    }
}
