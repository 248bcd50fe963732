package io.tributary.s3.format;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The first records of a Parquet file, held back until they show which columns a dictionary would not shrink.
 *
 * <p>Parquet dictionary-encodes every column and, at the column's first page, falls back to plain encoding when the
 * dictionary plus the encoded ids are not smaller than the plain values. Until then it has hashed every value into
 * the dictionary, and on falling back it encodes them all again: for a column of (nearly) distinct values, such as
 * ids, timestamps or prices, that is most of the file's encoding work, spent to produce the plain column it would
 * have written anyway. This sample applies Parquet's test to a file's first records and names the top-level columns
 * that fail it clearly (nearly all distinct, and no smaller with a dictionary), so the file writes them plain from
 * the start. The choice depends on the file's own records only, so a replay writes the same bytes.
 */
final class DictionarySample {

    /** Records held back at most, per file. */
    static final int RECORDS = 1_000;
    /** Estimated heap the held-back records may take before the choice is made with fewer of them. */
    static final long HEAP_BYTES = 1024 * 1024;
    /** Below this many values a column keeps its dictionary: too few to judge, and cheap either way. */
    static final int MIN_VALUES = 100;
    /** A column is plain only if at least this share of its sampled values are distinct. */
    static final double DISTINCT_SHARE = 0.9;

    private final List<Column> columns = new ArrayList<>();
    private final boolean struct;
    private final List<Object> values = new ArrayList<>();
    private long heapBytes;
    private long plainBytes;

    /** A sample for values of {@code schema}, the file's schema. */
    DictionarySample(Schema schema) {
        struct = schema.type() == Schema.Type.STRUCT;
        if (struct) {
            for (Field field : schema.fields()) {
                // A dotted name would be read as a nested path by Parquet's per-column settings.
                if (plainWidth(field.schema()) != 0 && !field.name().contains(".")) {
                    columns.add(new Column(field.name(), field, field.schema()));
                }
            }
        } else if (plainWidth(schema) != 0) {
            columns.add(new Column(ParquetSchemas.VALUE_COLUMN, null, schema));
        }
    }

    /** Holds back one (projected, checked) value of the file. */
    void add(Object value) {
        values.add(value);
        measure(value);
        for (Column column : columns) {
            Object item = struct ? ((Struct) value).get(column.field) : value;
            if (item != null) {
                column.observe(item);
            }
        }
    }

    /** Whether the choice should be made now. */
    boolean full() {
        return values.size() >= RECORDS || heapBytes() >= HEAP_BYTES;
    }

    /** The held-back values, in the order they came. */
    List<Object> values() {
        return values;
    }

    /** An estimate of the heap the held-back values and their counts take. */
    long heapBytes() {
        long total = heapBytes;
        for (Column column : columns) {
            total += column.distinct.heapBytes();
        }
        return total;
    }

    /** An estimate of the held-back values' size in Parquet before compression: what the file would hold now. */
    long plainBytes() {
        return plainBytes;
    }

    /** The top-level columns to write without a dictionary. */
    Set<String> plainColumns() {
        Set<String> plain = new HashSet<>();
        for (Column column : columns) {
            if (column.dictionaryDoesNotPay()) {
                plain.add(column.name);
            }
        }
        return plain;
    }

    /**
     * Bytes of one value in Parquet's plain encoding (Parquet's own measure when it weighs a dictionary), or 0 for a
     * column Parquet does not dictionary-encode or this sample does not judge (booleans, groups). Strings and bytes
     * return their length prefix; {@link Column#observe} adds the length.
     */
    static int plainWidth(Schema schema) {
        if (ParquetSchemas.isUuid(schema)) {
            return 16;
        }
        if (Decimal.LOGICAL_NAME.equals(schema.name())) {
            int precision = ParquetSchemas.precision(schema);
            return precision <= 9 ? 4 : precision <= 18 ? 8 : ParquetSchemas.fixedLength(precision);
        }
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return 8;
        }
        if (Date.LOGICAL_NAME.equals(schema.name()) || Time.LOGICAL_NAME.equals(schema.name())) {
            return 4;
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, FLOAT32, STRING, BYTES -> 4;
            case INT64, FLOAT64 -> 8;
            default -> 0;
        };
    }

    /**
     * Adds one Connect value's rough sizes: its heap (object headers, references, contents) and its plain-encoded size
     * (lengths plus prefixes, numbers at their width).
     */
    private void measure(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String string) {
            heapBytes += 48 + 2L * string.length();
            plainBytes += 4 + string.length();
        } else if (value instanceof byte[] bytes) {
            heapBytes += 16 + bytes.length;
            plainBytes += 4 + bytes.length;
        } else if (value instanceof ByteBuffer buffer) {
            heapBytes += 64 + buffer.remaining();
            plainBytes += 4 + buffer.remaining();
        } else if (value instanceof Struct nested) {
            heapBytes += 48;
            for (Field field : nested.schema().fields()) {
                heapBytes += 8;
                measure(nested.get(field));
            }
        } else if (value instanceof Collection<?> items) {
            heapBytes += 48;
            for (Object item : items) {
                heapBytes += 16;
                measure(item);
            }
        } else if (value instanceof Map<?, ?> map) {
            heapBytes += 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                heapBytes += 48;
                measure(entry.getKey());
                measure(entry.getValue());
            }
        } else if (value instanceof BigDecimal) {
            heapBytes += 72;
            plainBytes += 8;
        } else {
            heapBytes += 24; // boxed numbers, booleans, java.util.Date
            plainBytes += value instanceof Long || value instanceof Double || value instanceof java.util.Date ? 8
                    : value instanceof Boolean ? 1 : 4;
        }
    }

    /**
     * One top-level column: how many values, how many distinct, and their plain sizes. Values are told apart by
     * hash code (a collision among a thousand values is rare, and only shifts a heuristic); a column that has
     * repeated too often to qualify stops counting.
     */
    private static final class Column {
        private final String name;
        private final Field field;
        private final boolean variableLength;
        private final int width;
        private final HashCodes distinct = new HashCodes();
        private boolean disqualified;
        private long count;
        private long plainBytes;
        private long distinctBytes;

        Column(String name, Field field, Schema schema) {
            this.name = name;
            this.field = field;
            this.width = plainWidth(schema);
            this.variableLength = !ParquetSchemas.isUuid(schema) && !Decimal.LOGICAL_NAME.equals(schema.name())
                    && (schema.type() == Schema.Type.STRING || schema.type() == Schema.Type.BYTES);
        }

        void observe(Object value) {
            count++;
            if (disqualified) {
                return;
            }
            Object key = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            long size = width;
            if (variableLength) {
                size += key instanceof String string ? string.length() : ((ByteBuffer) key).remaining();
            }
            plainBytes += size;
            if (distinct.add(key instanceof ByteBuffer buffer ? fnv1a(buffer) : key.hashCode())) {
                distinctBytes += size;
            } else if (count - distinct.size() > (1 - DISTINCT_SHARE) * RECORDS) {
                disqualified = true; // more repeats than any judged sample may have
            }
        }

        /** FNV-1a: short byte arrays that differ in a few bytes collide under ByteBuffer's polynomial hash. */
        private static int fnv1a(ByteBuffer bytes) {
            int hash = 0x811C9DC5;
            for (int i = bytes.position(); i < bytes.limit(); i++) {
                hash = (hash ^ (bytes.get(i) & 0xFF)) * 0x01000193;
            }
            return hash;
        }

        /**
         * Parquet's test (dictionary plus ids at least as large as the plain values) on the sample, taken only when
         * nearly every value is distinct: a column with repeats the sample is too short to show may still compress
         * over the whole file, and Parquet then keeps its dictionary.
         */
        boolean dictionaryDoesNotPay() {
            if (disqualified || count < MIN_VALUES || distinct.size() < DISTINCT_SHARE * count) {
                return false;
            }
            int idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, distinct.size() - 1));
            long encodedIds = (count * idBits + 7) / 8;
            return distinctBytes + encodedIds >= plainBytes;
        }
    }

    /** A set of int hash codes with open addressing, no boxing and no entries; it doubles when half full. */
    static final class HashCodes {
        private static final int FIRST_CAPACITY = 64;
        private int[] slots = new int[FIRST_CAPACITY];
        private boolean[] used = new boolean[FIRST_CAPACITY];
        private int size;

        /** Adds {@code code}; false if it was there. */
        boolean add(int code) {
            if (!insert(slots, used, code)) {
                return false;
            }
            size++;
            if (size * 2 > slots.length) {
                int[] oldSlots = slots;
                boolean[] oldUsed = used;
                slots = new int[oldSlots.length * 2];
                used = new boolean[oldSlots.length * 2];
                for (int i = 0; i < oldSlots.length; i++) {
                    if (oldUsed[i]) {
                        insert(slots, used, oldSlots[i]);
                    }
                }
            }
            return true;
        }

        int size() {
            return size;
        }

        /** Heap of the table. */
        long heapBytes() {
            return 48 + 5L * slots.length;
        }

        private static boolean insert(int[] slots, boolean[] used, int code) {
            int mask = slots.length - 1;
            int i = (code * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask); // Fibonacci hashing: high bits
            while (used[i]) {
                if (slots[i] == code) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = code;
            return true;
        }
    }
}
