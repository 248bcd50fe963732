package io.tributary.cdc.snapshot;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.connection.ConnectionFactory;
import io.tributary.cdc.connection.CreatedSlot;
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
 * table size. The very last record is marked {@code snapshot=last}: its offset says the snapshot is complete.
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

    /** Emits every row of {@code tables}; returns false when stopped before the end. */
    public boolean read(CreatedSlot slot, List<TableId> tables, StreamingHandler.Sink sink)
            throws InterruptedException {
        long started = clock.millis();
        long rows = 0;
        emittedAny = false;
        metrics.snapshotStarted(tables.size());
        try (SnapshotConnection connection = connections.snapshot(slot.snapshotName(), fetchSize)) {
            snapshotTxId = connection.transactionId();
            for (TableId table : tables) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                rows += readTable(connection, schemas.fromCatalog(table), slot.consistentPoint(), started, sink);
                metrics.tableSnapshotted();
            }
        } catch (SQLException e) {
            throw new ConnectException("Snapshot failed: " + e.getMessage(), e);
        }
        if (held != null) {
            emit(held, slot.consistentPoint(), started, true, sink);
            held = null;
            sink.transactionEnd();
        }
        metrics.snapshotCompleted();
        log.info("Snapshot of {} tables ({} rows) at LSN {} took {} ms", tables.size(), rows,
                io.tributary.cdc.Lsn.format(slot.consistentPoint()), clock.millis() - started);
        return true;
    }

    private long readTable(SnapshotConnection connection, TableSchema schema, long lsn, long started,
            StreamingHandler.Sink sink) throws SQLException, InterruptedException {
        List<ColumnInfo> key = keyColumns(schema);
        RowHandler handler = new RowHandler(schema, lsn, started, sink, key.stream()
                .mapToInt(schema.columns()::indexOf).toArray());
        if (key.isEmpty()) {
            connection.readAll(schema.table(), schema.columns(), handler);
        } else {
            int read;
            do {
                read = connection.readChunk(schema.table(), schema.columns(), key, handler.lastKey, chunkSize,
                        handler);
                metrics.rowsScanned(schema.table().toString(), handler.count);
            } while (read == chunkSize && running.getAsBoolean());
        }
        handler.rethrow();
        if (held != null && held.schema() == schema) {
            held.lastInTable = true;
        }
        metrics.rowsScanned(schema.table().toString(), handler.count);
        log.debug("Snapshot read {} rows of {}", handler.count, schema.table());
        return handler.count;
    }

    private static List<ColumnInfo> keyColumns(TableSchema schema) {
        List<ColumnInfo> key = new ArrayList<>();
        for (String name : schema.keyColumns()) {
            schema.columns().stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(key::add);
        }
        return key;
    }

    /** Holds each row back until the next arrives, so the very last can be marked as such. */
    private final class RowHandler implements java.util.function.Consumer<String[]> {
        private final TableSchema schema;
        private final long lsn;
        private final long started;
        private final StreamingHandler.Sink sink;
        private final int[] keyIndexes;
        private String[] lastKey;
        private long count;
        private InterruptedException interrupted;

        RowHandler(TableSchema schema, long lsn, long started, StreamingHandler.Sink sink, int[] keyIndexes) {
            this.schema = schema;
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
                held = new PendingRow(schema, row, count == 1);
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

    private void emit(PendingRow pending, long lsn, long started, boolean last, StreamingHandler.Sink sink)
            throws InterruptedException {
        SourceInfo.SnapshotMarker marker;
        if (last) {
            marker = SourceInfo.SnapshotMarker.LAST;
        } else if (!emittedAny) {
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
