package io.tributary.cdc.snapshot;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.Lsn;
import io.tributary.cdc.connection.Catalog;
import io.tributary.cdc.connection.SnapshotConnection;
import io.tributary.cdc.offset.SnapshotPartAcks;

/** A {@link SnapshotTeam} whose members find each other through session names ({@link SnapshotSessions}). */
public final class SessionSnapshotTeam implements SnapshotTeam {

    private static final Logger log = LoggerFactory.getLogger(SessionSnapshotTeam.class);
    private static final long CHECK_MS = 100;
    private static final long REPORT_MS = 30_000;

    private final Catalog catalog;
    private final String slot;
    private final int part;
    private final int parts;
    private final SnapshotPartAcks acks;
    private final BooleanSupplier running;

    private SessionSnapshotTeam(Catalog catalog, String slot, int part, int parts, SnapshotPartAcks acks,
            BooleanSupplier running) {
        this.catalog = catalog;
        this.slot = slot;
        this.part = part;
        this.parts = parts;
        this.acks = acks;
        this.running = running;
    }

    /** The task that created {@code slot}'s snapshot, of {@code parts}. */
    public static SessionSnapshotTeam lead(Catalog catalog, String slot, int parts, BooleanSupplier running) {
        return new SessionSnapshotTeam(catalog, slot, 0, parts, null, running);
    }

    /** Part {@code part} (1 or more) of {@code parts}, told by {@code acks} when its rows are durable. */
    public static SessionSnapshotTeam member(Catalog catalog, String slot, int part, int parts,
            SnapshotPartAcks acks, BooleanSupplier running) {
        if (part < 1 || part >= parts) {
            throw new IllegalArgumentException("Part " + part + " of " + parts);
        }
        return new SessionSnapshotTeam(catalog, slot, part, parts, acks, running);
    }

    /** The newest snapshot the lead of {@code slot} shares now, as its session's name says. */
    public static Optional<SnapshotSessions.Shared> shared(Catalog catalog, String slot) {
        return SnapshotSessions.findShared(slot, catalog.sessionNames(SnapshotSessions.tag(slot)));
    }

    @Override
    public int part() {
        return part;
    }

    @Override
    public int parts() {
        return parts;
    }

    @Override
    public void joined(SnapshotConnection connection, long lsn, String snapshotName) throws SQLException {
        if (lead()) {
            connection.announce(SnapshotSessions.shared(slot, new SnapshotSessions.Shared(lsn, snapshotName)));
            log.info("Shared snapshot {} at {} with {} more tasks", snapshotName, Lsn.format(lsn), parts - 1);
        }
    }

    @Override
    public boolean finish(SnapshotConnection connection, long lsn, boolean emitted) throws SQLException,
            InterruptedException {
        return lead() ? awaitParts(lsn) : finishPart(connection, lsn, emitted);
    }

    private boolean awaitParts(long lsn) throws InterruptedException {
        long reportAt = System.currentTimeMillis() + REPORT_MS;
        while (running.getAsBoolean()) {
            Set<Integer> missing = new TreeSet<>();
            Set<Integer> done = SnapshotSessions.partsDone(slot, lsn, catalog.sessionNames(SnapshotSessions.tag(slot)));
            for (int p = 1; p < parts; p++) {
                if (!done.contains(p)) {
                    missing.add(p);
                }
            }
            if (missing.isEmpty()) {
                log.info("Every part of the snapshot at {} is in Kafka", Lsn.format(lsn));
                return true;
            }
            if (System.currentTimeMillis() >= reportAt) {
                log.info("The snapshot at {} waits for the parts of tasks {} (of {}); check that they run",
                        Lsn.format(lsn), missing, parts);
                reportAt += REPORT_MS;
            }
            Thread.sleep(CHECK_MS);
        }
        return false;
    }

    private boolean finishPart(SnapshotConnection connection, long lsn, boolean emitted) throws SQLException,
            InterruptedException {
        while (emitted && !acks.durable(lsn)) {
            if (!running.getAsBoolean()) {
                return false;
            }
            Thread.sleep(CHECK_MS);
        }
        connection.announce(SnapshotSessions.done(slot, lsn, part));
        log.info("The share of task {} of {} of the snapshot at {} is in Kafka", part, parts, Lsn.format(lsn));
        // The lead reads the announcement while this session is open; it stops sharing once it saw every part.
        while (running.getAsBoolean()) {
            Optional<SnapshotSessions.Shared> shared = shared(catalog, slot);
            if (shared.isEmpty() || shared.get().lsn() != lsn) {
                return true;
            }
            Thread.sleep(CHECK_MS);
        }
        return false;
    }
}
