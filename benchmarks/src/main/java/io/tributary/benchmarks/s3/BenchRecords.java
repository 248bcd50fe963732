package io.tributary.benchmarks.s3;

import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

/**
 * The records every S3 contestant writes: an order with a Connect schema, about 200 bytes as a JSON line, derived
 * from its id alone, so Kafka's copy, the ceiling's in-memory copy and the read-back check agree without sharing
 * state.
 */
public final class BenchRecords {

    public static final Schema SCHEMA = SchemaBuilder.struct().name("io.tributary.benchmarks.Order")
            .field("id", Schema.INT64_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("region", Schema.STRING_SCHEMA)
            .field("product", Schema.STRING_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("price", Schema.FLOAT64_SCHEMA)
            .field("created_at", Schema.INT64_SCHEMA)
            .field("note", Schema.STRING_SCHEMA)
            .build();

    /** The record time of id 0; every record of a run falls in the same hour when ids are spaced 1 ms apart. */
    public static final long BASE_MILLIS = Instant.parse("2026-03-04T05:00:00Z").toEpochMilli();

    private static final String[] REGIONS = {"eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-south-1",
        "ap-northeast-1", "sa-east-1", "ca-central-1"};
    private static final char[] NOTE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789 ".toCharArray();
    private static final long SEED = 0x5EED_0F_7B1BL;

    private BenchRecords() {
    }

    /** The value of record {@code id}: the same Struct every time, in any JVM. */
    public static Struct value(long id) {
        SplittableRandom random = new SplittableRandom(SEED ^ (id * 0x9E3779B97F4A7C15L));
        char[] note = new char[48 + random.nextInt(16)];
        for (int i = 0; i < note.length; i++) {
            note[i] = NOTE_CHARS[random.nextInt(NOTE_CHARS.length)];
        }
        return new Struct(SCHEMA)
                .put("id", id)
                .put("customer", String.format("customer-%06d", random.nextInt(1_000_000)))
                .put("region", REGIONS[random.nextInt(REGIONS.length)])
                .put("product", String.format("sku-%05d", random.nextInt(100_000)))
                .put("quantity", 1 + random.nextInt(20))
                .put("price", random.nextInt(1_000_000) / 100.0)
                .put("created_at", BASE_MILLIS + id)
                .put("note", new String(note));
    }
}
