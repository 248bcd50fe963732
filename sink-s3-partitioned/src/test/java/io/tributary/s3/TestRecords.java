package io.tributary.s3;

import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sink records for tests: a small "order" Struct, schemaless maps, and tombstones. */
public final class TestRecords {

    public static final Schema ORDER = SchemaBuilder.struct().name("Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("region", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private TestRecords() {
    }

    public static SinkRecord order(String topic, int partition, long offset, long timestamp, String region) {
        Struct value = new Struct(ORDER).put("id", offset).put("region", region);
        return new SinkRecord(topic, partition, null, null, ORDER, value, offset, timestamp,
                TimestampType.CREATE_TIME);
    }

    public static SinkRecord schemaless(String topic, int partition, long offset, long timestamp,
                                        Map<String, Object> value) {
        return new SinkRecord(topic, partition, null, null, null, value, offset, timestamp, TimestampType.CREATE_TIME);
    }

    public static SinkRecord tombstone(String topic, int partition, long offset, long timestamp) {
        return new SinkRecord(topic, partition, null, "k", null, null, offset, timestamp, TimestampType.CREATE_TIME);
    }
}
