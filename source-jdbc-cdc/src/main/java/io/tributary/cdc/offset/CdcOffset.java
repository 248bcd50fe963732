package io.tributary.cdc.offset;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a record sits in the change history, as stored in Connect's offsets. A snapshot record carries the slot's
 * consistent point and whether it was the snapshot's last; a streamed record carries the LSN of its transaction's
 * commit and its serial number within that transaction, so a restart can skip exactly what Kafka already has.
 */
public record CdcOffset(boolean snapshot, boolean lastSnapshotRecord, long lsn, long txId, long eventSerial) {

    static final String SNAPSHOT = "snapshot";
    static final String LAST_SNAPSHOT_RECORD = "last_snapshot_record";
    static final String LSN = "lsn";
    static final String LSN_COMMIT = "lsn_commit";
    static final String TX_ID = "txId";
    static final String EVENT_SERIAL = "event_serial";

    public static CdcOffset snapshotRecord(long consistentPoint, boolean last) {
        return new CdcOffset(true, last, consistentPoint, 0L, 0L);
    }

    public static CdcOffset streamed(long commitLsn, long txId, long eventSerial) {
        return new CdcOffset(false, false, commitLsn, txId, eventSerial);
    }

    /** True when a snapshot was started but its last record never reached Kafka. */
    public boolean snapshotIncomplete() {
        return snapshot && !lastSnapshotRecord;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new HashMap<>();
        if (snapshot) {
            map.put(SNAPSHOT, true);
            map.put(LAST_SNAPSHOT_RECORD, lastSnapshotRecord);
            map.put(LSN, lsn);
        } else {
            map.put(LSN_COMMIT, lsn);
            map.put(TX_ID, txId);
            map.put(EVENT_SERIAL, eventSerial);
        }
        return map;
    }

    /** The offset stored in {@code map}, or null for null; fails naming the field when the map is malformed. */
    public static CdcOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        if (Boolean.TRUE.equals(map.get(SNAPSHOT))) {
            return snapshotRecord(number(map, LSN), Boolean.TRUE.equals(map.get(LAST_SNAPSHOT_RECORD)));
        }
        return streamed(number(map, LSN_COMMIT), number(map, TX_ID), number(map, EVENT_SERIAL));
    }

    private static long number(Map<String, ?> map, String field) {
        Object value = map.get(field);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("Stored offset " + map + " has no numeric '" + field + "'");
        }
        return number.longValue();
    }
}
