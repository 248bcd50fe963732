package io.tributary.cdc.stream;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.cdc.config.TableFilter;
import io.tributary.cdc.decoder.PgOutputMessage;
import io.tributary.cdc.event.ChangeEventFactory;
import io.tributary.cdc.event.RowText;
import io.tributary.cdc.event.SourceInfo;
import io.tributary.cdc.event.TableId;
import io.tributary.cdc.event.TableSchema;
import io.tributary.cdc.event.TableSchemas;
import io.tributary.cdc.event.TransactionMetadata;
import io.tributary.cdc.metrics.CdcMetrics;
import io.tributary.cdc.offset.AckTracker;
import io.tributary.cdc.offset.CdcOffset;

/**
 * Turns decoded pgoutput messages into change records, transaction by transaction. Each record's offset is its
 * transaction's commit LSN and its serial number in it; when resuming, what the stored offset covers is skipped.
 */
public final class StreamingHandler {

    /** Where records go; may block while the queue is full. */
    public interface Sink {
        void accept(SourceRecord record) throws InterruptedException;

        /** The records accepted since the previous call form one source transaction. */
        default void transactionEnd() throws InterruptedException {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StreamingHandler.class);

    private final TableSchemas schemas;
    private final TableFilter filter;
    private final ChangeEventFactory events;
    private final SourceInfo source;
    private final AckTracker tracker;
    private final Sink sink;
    private final CdcOffset resumeAfter;
    private final CdcMetrics metrics;
    /** BEGIN/END events and transaction blocks ({@code provide.transaction.metadata}); null when not wanted. */
    private final TransactionMetadata transactions;
    private boolean emittedInTransaction;
    private boolean inTransaction;

    private long commitLsn;
    private long xid;
    private long commitTimeMs;
    private long commitTimeMicros;
    /** End of the last commit this session received (Debezium's {@code lastCommitLsn}); null before the first. */
    private Long lastCommitEndLsn;
    private long serial;
    private boolean skipTransaction;

    public StreamingHandler(TableSchemas schemas, TableFilter filter, ChangeEventFactory events, SourceInfo source,
            AckTracker tracker, CdcOffset resumeAfter, Sink sink, CdcMetrics metrics) {
        this(schemas, filter, events, source, tracker, resumeAfter, sink, metrics, null);
    }

    /** As above; {@code transactions} non-null adds Debezium's transaction metadata. */
    public StreamingHandler(TableSchemas schemas, TableFilter filter, ChangeEventFactory events, SourceInfo source,
            AckTracker tracker, CdcOffset resumeAfter, Sink sink, CdcMetrics metrics,
            TransactionMetadata transactions) {
        this.transactions = transactions;
        this.schemas = schemas;
        this.filter = filter;
        this.events = events;
        this.source = source;
        this.tracker = tracker;
        this.sink = sink;
        this.resumeAfter = resumeAfter == null || resumeAfter.snapshot() ? null : resumeAfter;
        this.metrics = metrics;
    }

    /** Handles one message that was at {@code messageLsn} in the WAL. */
    public void handle(PgOutputMessage message, long messageLsn) throws InterruptedException {
        if (message instanceof PgOutputMessage.Begin begin) {
            begin(begin);
            inTransaction = true;
            if (transactions != null && !skipTransaction) {
                // Serial 0, before the changes' 1..n: turning the metadata on or off across a restart inside a
                // transaction then neither repeats nor skips a change.
                emitTransactionEvent(transactions.begin(xid, messageLsn, commitTimeMs,
                        CdcOffset.streamed(commitLsn, xid, 0).toMap()), 0);
            }
        } else if (message instanceof PgOutputMessage.Commit commit) {
            inTransaction = false;
            lastCommitEndLsn = commit.endLsn();
            if (!skipTransaction) {
                if (transactions != null) {
                    // before the commit is registered: the slot must not pass the END until Kafka has it
                    emitTransactionEvent(transactions.end(messageLsn,
                            Math.floorDiv(commit.commitTimeMicros(), 1_000L), nextOffset().get()), serial);
                }
                tracker.committed(commit.commitLsn(), commit.endLsn());
                sink.transactionEnd();
                if (emittedInTransaction) {
                    metrics.transactionCommitted();
                }
            }
        } else if (message instanceof PgOutputMessage.Relation relation) {
            schemas.onRelation(relation, filter.captures(new TableId(relation.namespace(), relation.name())));
        } else if (message instanceof PgOutputMessage.Insert insert) {
            change(insert.relationId(), 'c', null, false, RowText.of(insert.newTuple()), messageLsn);
        } else if (message instanceof PgOutputMessage.Update update) {
            change(update.relationId(), 'u', update.oldTuple() == null ? null : RowText.of(update.oldTuple()),
                    update.oldKind() == 'O', RowText.of(update.newTuple()), messageLsn);
        } else if (message instanceof PgOutputMessage.Delete delete) {
            change(delete.relationId(), 'd', RowText.of(delete.oldTuple()), delete.oldKind() == 'O', null,
                    messageLsn);
        } else if (message instanceof PgOutputMessage.Truncate truncate) {
            truncate(truncate, messageLsn);
        } else {
            log.trace("Ignoring {}", message);
        }
    }

    /** True between a transaction's Begin and its Commit. */
    boolean inTransaction() {
        return inTransaction;
    }

    /**
     * Where to resume if the connection is lost now: after the last record this handler produced, or
     * {@code fallback} when it has produced none (or is still skipping what the stored offset covers).
     */
    StreamPosition position(StreamPosition fallback) {
        if (commitLsn == 0 || skipTransaction) {
            return fallback;
        }
        long produced = resumeAfter != null && resumeAfter.lsn() == commitLsn
                ? Math.max(serial, resumeAfter.eventSerial()) : serial;
        return new StreamPosition(commitLsn, CdcOffset.streamed(commitLsn, xid, produced));
    }

    private void begin(PgOutputMessage.Begin begin) {
        commitLsn = begin.finalLsn();
        xid = begin.xid();
        commitTimeMicros = begin.commitTimeMicros();
        commitTimeMs = Math.floorDiv(commitTimeMicros, 1_000L);
        serial = 0;
        emittedInTransaction = false;
        skipTransaction = resumeAfter != null && commitLsn < resumeAfter.lsn();
        if (!skipTransaction) {
            tracker.begin(commitLsn);
        }
    }

    private void change(int relationId, char op, RowText before, boolean beforeIsFullRow, RowText after,
            long messageLsn) throws InterruptedException {
        TableSchema schema = schemas.forRelation(relationId);
        if (schema == null || skipTransaction) {
            return;
        }
        Struct sourceStruct = source.struct(schema.table(), messageLsn, xid, commitTimeMicros,
                SourceInfo.SnapshotMarker.FALSE, SourceInfo.sequence(lastCommitEndLsn, messageLsn));
        long firstSerial = serial + 1;
        List<SourceRecord> records = events.change(schema, op, before, beforeIsFullRow, after, sourceStruct,
                nextOffset());
        if (transactions != null) {
            transactions.enrich(records, schema.table(), messageLsn);
        }
        emit(records, firstSerial);
    }

    private void truncate(PgOutputMessage.Truncate truncate, long messageLsn) throws InterruptedException {
        if (skipTransaction) {
            return;
        }
        for (int relationId : truncate.relationIds()) {
            TableSchema schema = schemas.forRelation(relationId);
            if (schema != null) {
                Struct sourceStruct = source.struct(schema.table(), messageLsn, xid, commitTimeMicros,
                        SourceInfo.SnapshotMarker.FALSE, SourceInfo.sequence(lastCommitEndLsn, messageLsn));
                long firstSerial = serial + 1;
                List<SourceRecord> records = events.truncate(schema, sourceStruct, nextOffset());
                if (transactions != null) {
                    transactions.enrich(records, schema.table(), messageLsn);
                }
                emit(records, firstSerial);
            }
        }
    }

    private Supplier<Map<String, ?>> nextOffset() {
        return () -> CdcOffset.streamed(commitLsn, xid, ++serial).toMap();
    }

    /** A BEGIN or END event, numbered {@code recordSerial} in the transaction, not counted as a change event. */
    private void emitTransactionEvent(SourceRecord record, long recordSerial) throws InterruptedException {
        emit(List.of(record), recordSerial, false);
    }

    private void emit(List<SourceRecord> records, long firstSerial) throws InterruptedException {
        emit(records, firstSerial, true);
    }

    /** Emits records numbered from {@code firstSerial} in the transaction, except those the stored offset covers. */
    private void emit(List<SourceRecord> records, long firstSerial, boolean changes) throws InterruptedException {
        boolean resumingThisTransaction = resumeAfter != null && commitLsn == resumeAfter.lsn();
        for (int i = 0; i < records.size(); i++) {
            if (resumingThisTransaction && firstSerial + i <= resumeAfter.eventSerial()) {
                continue;
            }
            tracker.recordEmitted(commitLsn);
            if (changes) {
                metrics.eventSeen(commitTimeMs);
            }
            emittedInTransaction = true;
            sink.accept(records.get(i));
        }
    }
}
