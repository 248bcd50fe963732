package io.tributary.cdc.snapshot;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.connection.SnapshotConnection;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.event.ColumnInfo;
import io.tributary.cdc.event.RowText;
import io.tributary.cdc.event.SourceInfo;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.event.TableSchema;
import io.tributary.cdc.event.TableSchemas;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.CdcOffset;
import io.tributary.cdc.stream.StreamingHandler;

/**
 * Reads the captured tables as of the slot's exported snapshot and emits one read event ('r') per row. Tables with a
 * primary key are read in key-ordered chunks, every table with a bounded fetch size, so memory does not grow with
 * table size. The very last record is marked {@code snapshot=last}: its offset says the snapshot is complete. With
 * more than one task, each reads its share ({@link SnapshotSplit}) and the lead's last record waits for the others
 * ({@link SnapshotTeam}).
 */
public final class SnapshotReader {

    private static final Logger log = LoggerFactory.getLogger(SnapshotReader.class);

    private final ConnectionFactory connections;
    private final TableSchemas schemas;
    private final ChangeEventFactory events;
    private final SourceInfo source;
    private final int fetchSize;
    private final int chunkSize;
    private final Clock clock;
    private final BooleanSupplier running;
    private final CdcMetrics metrics;

    private PendingRow held;

    /** Debezium's markers: first/last of the snapshot, first/last of each table ("data collection"). */
    private static final class PendingRow {
        final TableSchema schema;
        final String[] row;
        final boolean firstInTable;
        boolean lastInTable;

        PendingRow(TableSchema schema, String[] row, boolean firstInTable) {
            this.schema = schema;
            this.row = row;
            this.firstInTable = firstInTable;
        }

        TableSchema schema() {
            return schema;
        }

        String[] row() {
            return row;
        }
    }

    private boolean emittedAny;
    /** Whether this task's share holds the snapshot's first and last records. */
    private boolean lead;
    /** The snapshot transaction's id, reported as {@code txId} of its records as Debezium does. */
    private Long snapshotTxId;

    public SnapshotReader(ConnectionFactory connections, TableSchemas schemas, ChangeEventFactory events,
            SourceInfo source, int fetchSize, int chunkSize, Clock clock, BooleanSupplier running, CdcMetrics metrics) {
        this.connections = connections;
        this.schemas = schemas;
        this.events = events;
        this.source = source;
        this.fetchSize = fetchSize;
        this.chunkSize = chunkSize;
        this.clock = clock;
        this.running = running;
        this.metrics = metrics;
    }

    /**
     * Emits this task's share ({@code team}) of the rows of {@code tables} as of the snapshot {@code snapshotName}
     * taken at {@code lsn}; returns false when stopped before the end.
     */
    public boolean read(long lsn, String snapshotName, List<TableId> tables, StreamingHandler.Sink sink,
            SnapshotTeam team) throws InterruptedException {
        long started = clock.millis();
        long rows = 0;
        emittedAny = false;
        held = null;
        lead = team.lead();
        try (SnapshotConnection connection = connections.snapshot(snapshotName, fetchSize)) {
            snapshotTxId = connection.transactionId();
            team.joined(connection, lsn, snapshotName);
            Map<TableId, TableSchema> tableSchemas = new HashMap<>();
            for (TableId table : tables) {
                tableSchemas.put(table, schemas.fromCatalog(table));
            }
            List<SnapshotSplit.Range> share = share(connection, tables, tableSchemas, team);
            metrics.snapshotStarted(share.size());
            for (SnapshotSplit.Range range : share) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                rows += readRange(connection, tableSchemas.get(range.table()), range, lsn, started, sink);
                metrics.tableSnapshotted();
            }
            // The lead's last record says the whole snapshot is complete: every other part must be in Kafka first.
            if (team.lead() && !team.finish(connection, lsn, held != null)) {
                return false;
            }
            boolean emitted = held != null;
            if (emitted) {
                emit(held, lsn, started, true, sink);
                held = null;
                sink.transactionEnd();
            }
            if (!team.lead() && !team.finish(connection, lsn, emitted)) {
                return false;
            }
        } catch (SQLException e) {
            throw new ConnectException("Snapshot failed: " + e.getMessage(), e);
        }
        metrics.snapshotCompleted();
        log.info("Snapshot share of task {} of {} ({} tables, {} rows) at LSN {} took {} ms", team.part(),
                team.parts(), tables.size(), rows, io.tributary.cdc.Lsn.format(lsn), clock.millis() - started);
        return true;
    }

    /** Every table whole when alone; otherwise this part's ranges, from row counts in the snapshot. */
    private List<SnapshotSplit.Range> share(SnapshotConnection connection, List<TableId> tables,
            Map<TableId, TableSchema> tableSchemas, SnapshotTeam team) throws SQLException {
        if (team.parts() == 1) {
            return tables.stream().map(SnapshotSplit.Range::whole).toList();
        }
        List<SnapshotSplit.TableSize> sizes = new ArrayList<>();
        for (TableId table : tables) {
            sizes.add(new SnapshotSplit.TableSize(table, keyColumns(tableSchemas.get(table)) != null,
                    connection.count(table)));
        }
        return SnapshotSplit.rangesOf(team.part(), team.parts(), sizes, chunkSize);
    }

    private long readRange(SnapshotConnection connection, TableSchema schema, SnapshotSplit.Range range, long lsn,
            long started, StreamingHandler.Sink sink) throws SQLException, InterruptedException {
        List<ColumnInfo> key = keyColumns(schema);
        RowHandler handler = new RowHandler(schema, range.startsTable(), lsn, started, sink,
                key == null ? new int[0] : key.stream().mapToInt(schema.columns()::indexOf).toArray());
        if (key == null) {
            connection.readAll(schema.table(), schema.columns(), handler);
        } else {
            TableId table = schema.table();
            handler.lastKey = range.startsTable() ? null : connection.keyAt(table, key, range.from() - 1);
            String[] through = range.endsTable() ? null : connection.keyAt(table, key, range.to() - 1);
            int read;
            do {
                read = connection.readChunk(table, schema.columns(), key, handler.lastKey, through, chunkSize,
                        handler);
                metrics.rowsScanned(table.toString(), handler.count);
            } while (read == chunkSize && running.getAsBoolean());
        }
        handler.rethrow();
        if (held != null && held.schema() == schema && range.endsTable()) {
            held.lastInTable = true;
        }
        metrics.rowsScanned(schema.table().toString(), handler.count);
        log.debug("Snapshot read {} rows of {}", handler.count, schema.table());
        return handler.count;
    }

    /**
     * The primary key's columns, or null when the table has none or a key column is not read (excluded): chunks in
     * the order of part of a key could skip rows.
     */
    private static List<ColumnInfo> keyColumns(TableSchema schema) {
        List<ColumnInfo> key = new ArrayList<>();
        for (String name : schema.keyColumns()) {
            schema.columns().stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(key::add);
        }
        return key.isEmpty() || key.size() != schema.keyColumns().size() ? null : key;
    }

    /** Holds each row back until the next arrives, so the very last can be marked as such. */
    private final class RowHandler implements java.util.function.Consumer<String[]> {
        private final TableSchema schema;
        private final boolean startsTable;
        private final long lsn;
        private final long started;
        private final StreamingHandler.Sink sink;
        private final int[] keyIndexes;
        private String[] lastKey;
        private long count;
        private InterruptedException interrupted;

        RowHandler(TableSchema schema, boolean startsTable, long lsn, long started, StreamingHandler.Sink sink,
                int[] keyIndexes) {
            this.schema = schema;
            this.startsTable = startsTable;
            this.lsn = lsn;
            this.started = started;
            this.sink = sink;
            this.keyIndexes = keyIndexes;
        }

        @Override
        public void accept(String[] row) {
            if (interrupted != null) {
                return;
            }
            count++;
            lastKey = new String[keyIndexes.length];
            for (int i = 0; i < keyIndexes.length; i++) {
                lastKey[i] = row[keyIndexes[i]];
            }
            try {
                if (held != null) {
                    emit(held, lsn, started, false, sink);
                }
                held = new PendingRow(schema, row, count == 1 && startsTable);
            } catch (InterruptedException e) {
                interrupted = e;
            }
        }

        void rethrow() throws InterruptedException {
            if (interrupted != null) {
                throw interrupted;
            }
        }
    }

    /**
     * Queues {@code pending}; {@code last} marks the end of this task's share, which only for the lead is the
     * snapshot's last record (and only the lead emits its first).
     */
    private void emit(PendingRow pending, long lsn, long started, boolean last, StreamingHandler.Sink sink)
            throws InterruptedException {
        SourceInfo.SnapshotMarker marker;
        if (last && lead) {
            marker = SourceInfo.SnapshotMarker.LAST;
        } else if (!emittedAny && lead) {
            marker = SourceInfo.SnapshotMarker.FIRST;
        } else if (pending.lastInTable) {
            marker = SourceInfo.SnapshotMarker.LAST_IN_DATA_COLLECTION;
        } else if (pending.firstInTable) {
            marker = SourceInfo.SnapshotMarker.FIRST_IN_DATA_COLLECTION;
        } else {
            marker = SourceInfo.SnapshotMarker.TRUE;
        }
        emittedAny = true;
        var sourceStruct = source.struct(pending.schema().table(), lsn, snapshotTxId,
                Math.multiplyExact(started, 1_000L), marker, SourceInfo.sequence(null, lsn));
        for (SourceRecord record : events.change(pending.schema(), 'r', null, false, RowText.of(pending.row()),
                sourceStruct, () -> CdcOffset.snapshotRecord(lsn, last).toMap())) {
            sink.accept(record);
        }
    }
}
