package io.tributary.s3.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class DictionarySampleTest {

    static final Schema EVENT = SchemaBuilder.struct().name("Event")
            .field("id", Schema.INT64_SCHEMA)
            .field("kind", Schema.STRING_SCHEMA)
            .field("at", Timestamp.SCHEMA)
            .field("digest", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("shard", Schema.INT32_SCHEMA)
            .field("flag", Schema.BOOLEAN_SCHEMA)
            .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build())
            .build();

    /**
     * Event {@code i}: unique id, time and digest; one of four kinds; a note that is a long text, distinct only
     * every tenth time; a shard out of 300, so 1,000 events show many repeats.
     */
    static Struct event(int i) {
        return new Struct(EVENT).put("id", (long) i).put("kind", "kind-" + i % 4)
                .put("at", new java.util.Date(1_700_000_000_000L + i))
                .put("digest", new byte[] {(byte) i, (byte) (i >> 8), 7})
                .put("note", i % 10 == 0 ? "a note repeated now and then, long enough to be worth a dictionary"
                        : "a note of its own, number " + i + ", long enough to be worth a dictionary")
                .put("shard", i % 300).put("flag", i % 2 == 0).put("tags", List.of("t"));
    }

    static DictionarySample sampleOf(Schema schema, int count) {
        DictionarySample sample = new DictionarySample(schema);
        for (int i = 0; i < count; i++) {
            sample.add(event(i));
        }
        return sample;
    }

    @Test
    void nearlyDistinctColumnsWhereADictionaryDoesNotPayAreWrittenPlain() {
        DictionarySample sample = sampleOf(EVENT, 1_000);

        assertThat(sample.full()).isTrue();
        // note: 90% distinct, but its values are long, so the 10% repeats still make the dictionary smaller.
        assertThat(sample.plainColumns()).containsExactlyInAnyOrder("id", "at", "digest");
    }

    @Test
    void aColumnWithRepeatsKeepsItsDictionaryEvenIfTheSampleCannotShowItPays() {
        // 800 shards in 1,000 values: on the sample alone a dictionary does not pay (3,200 + 1,250 >= 4,000 bytes),
        // but over a file of 10,000 values it would (3,200 + 12,500 < 40,000): only nearly distinct columns are
        // judged on the sample.
        Schema schema = SchemaBuilder.struct().field("shard", Schema.INT32_SCHEMA).build();
        DictionarySample sample = new DictionarySample(schema);
        for (int i = 0; i < 1_000; i++) {
            sample.add(new Struct(schema).put("shard", i % 800));
        }

        assertThat(sample.plainColumns()).isEmpty();
    }

    @Test
    void tooFewValuesAreNoEvidence() {
        assertThat(sampleOf(EVENT, DictionarySample.MIN_VALUES - 1).plainColumns()).isEmpty();
        assertThat(sampleOf(EVENT, DictionarySample.MIN_VALUES).plainColumns()).contains("id");
    }

    @Test
    void nullsAreNotValues() {
        DictionarySample sample = new DictionarySample(EVENT);
        for (int i = 0; i < 1_000; i++) {
            sample.add(event(i).put("digest", i < 950 ? null : new byte[] {(byte) i}));
        }

        assertThat(sample.plainColumns()).doesNotContain("digest");
    }

    @Test
    void bytesAreComparedByContent() {
        DictionarySample sample = new DictionarySample(EVENT);
        for (int i = 0; i < 1_000; i++) {
            sample.add(event(i).put("digest", new byte[] {1, 2, 3}));
        }

        assertThat(sample.plainColumns()).doesNotContain("digest");
    }

    @Test
    void aValueThatIsNotAStructIsJudgedAsTheValueColumn() {
        DictionarySample sample = new DictionarySample(Schema.INT64_SCHEMA);
        for (long i = 0; i < 500; i++) {
            sample.add(i);
        }

        assertThat(sample.plainColumns()).containsExactly(ParquetSchemas.VALUE_COLUMN);
        assertThat(sample.full()).isFalse();
    }

    @Test
    void largeRecordsEndTheSampleByTheirHeap() {
        Schema schema = SchemaBuilder.struct().field("body", Schema.STRING_SCHEMA).build();
        DictionarySample sample = new DictionarySample(schema);
        String body = "x".repeat(10_000);
        int records = 0;
        long plainBytes = 0;
        while (!sample.full()) {
            String value = body + records;
            sample.add(new Struct(schema).put("body", value));
            plainBytes += 4 + value.length();
            records++;
        }

        assertThat(records).as("1 MiB of ~20 KB (UTF-16) strings").isBetween(45, 60);
        assertThat(sample.heapBytes()).isGreaterThanOrEqualTo(DictionarySample.HEAP_BYTES);
        assertThat(sample.plainBytes()).isEqualTo(plainBytes);
        assertThat(sample.values()).hasSize(records);
    }

    @Test
    void aColumnThatRepeatedTooOftenStopsCountingAndStaysDictionaryEncoded() {
        Schema schema = SchemaBuilder.struct().field("n", Schema.INT64_SCHEMA).build();
        DictionarySample sample = new DictionarySample(schema);
        for (long i = 0; i < 1_000; i++) {
            // 101 repeats up front, then distinct values: 899 of 1,000 distinct is under 90% anyway
            sample.add(new Struct(schema).put("n", i <= 101 ? 0L : i));
        }

        assertThat(sample.plainColumns()).isEmpty();
    }

    @Test
    void hashCodesAreASetThatGrows() {
        DictionarySample.HashCodes codes = new DictionarySample.HashCodes();
        long before = codes.heapBytes();
        for (int i = 0; i < 5_000; i++) {
            assertThat(codes.add(i * 31)).isTrue();
        }
        for (int i = 0; i < 5_000; i++) {
            assertThat(codes.add(i * 31)).isFalse();
        }

        assertThat(codes.size()).isEqualTo(5_000);
        assertThat(codes.heapBytes()).isGreaterThan(before);
        assertThat(codes.add(Integer.MIN_VALUE)).isTrue();
        assertThat(codes.add(0)).isFalse();
    }
}
