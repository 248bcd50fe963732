package io.tributary.cdc.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's transaction metadata ({@code provide.transaction.metadata}) for one streamed transaction at a time: a
 * BEGIN and an END event on the transaction topic, and the {@code transaction} block of each change event between
 * them. Ids are {@code <txId>:<LSN>} with the LSN of the message the event comes from, as Debezium 3 forms them (so
 * BEGIN, each change and END carry different ids; the txId part is the transaction's). Used by the reader thread
 * only; a new instance per replication session, which replays a transaction from its start, so counters restart
 * consistently.
 */
public final class TransactionMetadata {

    public static final String BEGIN = "BEGIN";
    public static final String END = "END";

    public static final Schema KEY_SCHEMA = SchemaBuilder.struct()
            .name("io.debezium.connector.common.TransactionMetadataKey").version(1)
            .field("id", Schema.STRING_SCHEMA)
            .build();
    public static final Schema DATA_COLLECTION_SCHEMA = SchemaBuilder.struct().optional()
            .name("event.collection").version(1)
            .field("data_collection", Schema.STRING_SCHEMA)
            .field("event_count", Schema.INT64_SCHEMA)
            .build();
    public static final Schema VALUE_SCHEMA = SchemaBuilder.struct()
            .name("io.debezium.connector.common.TransactionMetadataValue").version(1)
            .field("status", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("event_count", Schema.OPTIONAL_INT64_SCHEMA)
            .field("data_collections", SchemaBuilder.array(DATA_COLLECTION_SCHEMA).optional().build())
            .field("ts_ms", Schema.INT64_SCHEMA)
            .build();

    private final String topic;
    private final Map<String, ?> sourcePartition;
    private long txId;
    private long totalOrder;
    private final Map<String, Long> perTable = new LinkedHashMap<>();

    public TransactionMetadata(String topic, Map<String, ?> sourcePartition) {
        this.topic = topic;
        this.sourcePartition = sourcePartition;
    }

    /** The BEGIN event of transaction {@code txId}, whose Begin message is at {@code lsn}; counters restart. */
    public SourceRecord begin(long txId, long lsn, long commitTimeMs, Map<String, ?> offset) {
        this.txId = txId;
        totalOrder = 0;
        perTable.clear();
        String id = id(lsn);
        Struct value = new Struct(VALUE_SCHEMA).put("status", BEGIN).put("id", id).put("ts_ms", commitTimeMs);
        return record(id, value, offset);
    }

    /**
     * Counts the change events among {@code records} (tombstones are not events) for {@code table} and fills their
     * {@code transaction} block; the change is at {@code lsn}.
     */
    public void enrich(List<SourceRecord> records, TableId table, long lsn) {
        String collection = table.schema() + "." + table.table();
        for (SourceRecord record : records) {
            if (record.value() instanceof Struct envelope && envelope.schema().field("transaction") != null) {
                long inCollection = perTable.merge(collection, 1L, Long::sum);
                envelope.put("transaction", new Struct(TableSchema.TRANSACTION_BLOCK).put("id", id(lsn))
                        .put("total_order", ++totalOrder).put("data_collection_order", inCollection));
            }
        }
    }

    /** The END event, whose Commit message is at {@code lsn}, with the transaction's event counts per table. */
    public SourceRecord end(long lsn, long commitTimeMs, Map<String, ?> offset) {
        List<Struct> collections = new ArrayList<>(perTable.size());
        perTable.forEach((collection, count) -> collections.add(new Struct(DATA_COLLECTION_SCHEMA)
                .put("data_collection", collection).put("event_count", count)));
        String id = id(lsn);
        Struct value = new Struct(VALUE_SCHEMA).put("status", END).put("id", id).put("event_count", totalOrder)
                .put("data_collections", collections).put("ts_ms", commitTimeMs);
        return record(id, value, offset);
    }

    private String id(long lsn) {
        return txId + ":" + lsn;
    }

    private SourceRecord record(String id, Struct value, Map<String, ?> offset) {
        return new SourceRecord(sourcePartition, offset, topic, null, KEY_SCHEMA, new Struct(KEY_SCHEMA).put("id", id),
                VALUE_SCHEMA, value);
    }
}
