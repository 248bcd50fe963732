package io.tributary.cdc.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * How the tasks of a parallel snapshot find each other without writing to the database: through the
 * {@code application_name} of their sessions, which {@code pg_stat_activity} shows to sessions of the same role. The
 * first task names its snapshot session after the exported snapshot and the slot's consistent point; each other task,
 * once its rows are durable in Kafka, names its own session as done. Names are tagged with the slot, so connectors
 * never see each other's, and fit PostgreSQL's 63 bytes.
 */
public final class SnapshotSessions {

    private static final String PREFIX = "tcdc/";
    private static final int MAX_NAME = 63;

    /** A snapshot that the first task exported at {@code lsn}, the slot's consistent point. */
    public record Shared(long lsn, String snapshotName) {
    }

    private SnapshotSessions() {
    }

    /** What every session name of {@code slot}'s snapshot tasks starts with. */
    public static String tag(String slot) {
        CRC32 crc = new CRC32();
        crc.update(slot.getBytes(StandardCharsets.UTF_8));
        return PREFIX + String.format("%08x", crc.getValue()) + "/";
    }

    public static String shared(String slot, Shared snapshot) {
        return checked(tag(slot) + hex(snapshot.lsn()) + "/s/" + snapshot.snapshotName());
    }

    public static String done(String slot, long lsn, int part) {
        return checked(tag(slot) + hex(lsn) + "/d/" + part);
    }

    /** The newest snapshot shared among {@code names}, the session names that start with {@link #tag}. */
    public static Optional<Shared> findShared(String slot, Collection<String> names) {
        Shared newest = null;
        String tag = tag(slot);
        for (String name : names) {
            String[] parts = fields(tag, name);
            if (parts != null && parts[1].equals("s")) {
                Shared candidate = new Shared(Long.parseUnsignedLong(parts[0], 16), parts[2]);
                if (newest == null || Long.compareUnsigned(candidate.lsn(), newest.lsn()) > 0) {
                    newest = candidate;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The parts that said they are done with the snapshot at {@code lsn}. */
    public static Set<Integer> partsDone(String slot, long lsn, Collection<String> names) {
        Set<Integer> done = new HashSet<>();
        String tag = tag(slot);
        for (String name : names) {
            String[] parts = fields(tag, name);
            if (parts != null && parts[1].equals("d") && Long.parseUnsignedLong(parts[0], 16) == lsn) {
                done.add(Integer.parseInt(parts[2]));
            }
        }
        return done;
    }

    /** lsn, kind, value; null for a name that is not one of ours. */
    private static String[] fields(String tag, String name) {
        if (name == null || !name.startsWith(tag)) {
            return null;
        }
        String[] parts = name.substring(tag.length()).split("/", 3);
        if (parts.length != 3 || parts[0].length() != 16 || !parts[0].chars().allMatch(c -> Character.digit(c, 16) >= 0)
                || parts[2].isEmpty()) {
            return null;
        }
        if (parts[1].equals("d") && !parts[2].chars().allMatch(Character::isDigit)) {
            return null;
        }
        return parts;
    }

    private static String hex(long lsn) {
        return HexFormat.of().toHexDigits(lsn);
    }

    private static String checked(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new IllegalStateException("Session name '" + name + "' is longer than PostgreSQL keeps ("
                    + MAX_NAME + " bytes)");
        }
        return name;
    }
}
