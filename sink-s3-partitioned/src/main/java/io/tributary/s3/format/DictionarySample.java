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
        heapBytes += heapBytes(value);
        plainBytes += plainBytes(value);
        for (Column column : columns) {
            Object item = struct ? ((Struct) value).get(column.field) : value;
            if (item != null) {
                column.observe(item);
            }
        }
    }

    /** Whether the choice should be made now. */
    boolean full() {
        return values.size() >= RECORDS || heapBytes >= HEAP_BYTES;
    }

    /** The held-back values, in the order they came. */
    List<Object> values() {
        return values;
    }

    /** An estimate of the heap the held-back values take. */
    long heapBytes() {
        return heapBytes;
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

    /** A rough estimate of the heap a Connect value takes (object headers, references, contents). */
    static long heapBytes(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String string) {
            return 48 + 2L * string.length();
        }
        if (value instanceof byte[] bytes) {
            return 16 + bytes.length;
        }
        if (value instanceof ByteBuffer buffer) {
            return 64 + buffer.remaining();
        }
        if (value instanceof Struct nested) {
            long total = 48;
            for (Field field : nested.schema().fields()) {
                total += 8 + heapBytes(nested.get(field));
            }
            return total;
        }
        if (value instanceof Collection<?> items) {
            long total = 48;
            for (Object item : items) {
                total += 16 + heapBytes(item);
            }
            return total;
        }
        if (value instanceof Map<?, ?> map) {
            long total = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += 48 + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
            }
            return total;
        }
        if (value instanceof BigDecimal) {
            return 72;
        }
        return 24; // boxed numbers, booleans, java.util.Date
    }

    /** A rough estimate of a Connect value's plain-encoded size: lengths plus prefixes, numbers at their width. */
    static long plainBytes(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String string) {
            return 4 + string.length();
        }
        if (value instanceof byte[] bytes) {
            return 4 + bytes.length;
        }
        if (value instanceof ByteBuffer buffer) {
            return 4 + buffer.remaining();
        }
        if (value instanceof Struct nested) {
            long total = 0;
            for (Field field : nested.schema().fields()) {
                total += plainBytes(nested.get(field));
            }
            return total;
        }
        if (value instanceof Collection<?> items) {
            long total = 0;
            for (Object item : items) {
                total += plainBytes(item);
            }
            return total;
        }
        if (value instanceof Map<?, ?> map) {
            long total = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += plainBytes(entry.getKey()) + plainBytes(entry.getValue());
            }
            return total;
        }
        if (value instanceof BigDecimal || value instanceof Long || value instanceof Double
                || value instanceof java.util.Date) {
            return 8;
        }
        return value instanceof Boolean ? 1 : 4;
    }

    /** One top-level column: how many values, how many distinct, and their plain sizes. */
    private static final class Column {
        private final String name;
        private final Field field;
        private final boolean variableLength;
        private final int width;
        private final Set<Object> distinct = new HashSet<>();
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
            Object key = value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            long size = width;
            if (variableLength) {
                size += key instanceof String string ? string.length() : ((ByteBuffer) key).remaining();
            }
            count++;
            plainBytes += size;
            if (distinct.add(key)) {
                distinctBytes += size;
            }
        }

        /**
         * Parquet's test (dictionary plus ids at least as large as the plain values) on the sample, taken only when
         * nearly every value is distinct: a column with repeats the sample is too short to show may still compress
         * over the whole file, and Parquet then keeps its dictionary.
         */
        boolean dictionaryDoesNotPay() {
            if (count < MIN_VALUES || distinct.size() < DISTINCT_SHARE * count) {
                return false;
            }
            int idBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, distinct.size() - 1));
            long encodedIds = (count * idBits + 7) / 8;
            return distinctBytes + encodedIds >= plainBytes;
        }
    }
}
