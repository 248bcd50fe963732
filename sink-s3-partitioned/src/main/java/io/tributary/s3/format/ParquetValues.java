package io.tributary.s3.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes one Connect value as one Parquet record, in the shape {@link ParquetSchemas} gives its schema. Running it
 * against {@link #DRY_RUN} first checks a record completely, so a bad record never leaves half a row in a file.
 */
final class ParquetValues {

    /** A consumer that discards everything: writing to it only validates. */
    static final RecordConsumer DRY_RUN = new DryRun();

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final TimestampUnit unit;

    ParquetValues(TimestampUnit unit) {
        this.unit = unit;
    }

    /** Writes {@code value} of {@code schema} as one record; a DataException says why it cannot be. */
    void write(RecordConsumer out, Schema schema, Object value) {
        try {
            out.startMessage();
            if (schema.type() == Schema.Type.STRUCT) {
                if (value == null) {
                    throw new DataException("A null value cannot be a Parquet row");
                }
                fields(out, schema, (Struct) value);
            } else {
                field(out, ParquetSchemas.VALUE_COLUMN, 0, schema, value);
            }
            out.endMessage();
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException e) {
            throw new DataException("Value does not match its schema: " + e.getMessage(), e);
        }
    }

    private void fields(RecordConsumer out, Schema schema, Struct struct) {
        List<Field> fields = schema.fields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            field(out, field.name(), i, field.schema(), struct.get(field));
        }
    }

    private void field(RecordConsumer out, String name, int index, Schema schema, Object value) {
        if (value == null) {
            if (!schema.isOptional()) {
                throw new DataException("Required field '" + name + "' is null");
            }
            return;
        }
        out.startField(name, index);
        value(out, schema, value);
        out.endField(name, index);
    }

    private void value(RecordConsumer out, Schema schema, Object value) {
        if (schema.name() != null && logical(out, schema, value)) {
            return;
        }
        switch (schema.type()) {
            case INT8:
            case INT16:
            case INT32:
                out.addInteger(((Number) value).intValue());
                break;
            case INT64:
                out.addLong((Long) value);
                break;
            case FLOAT32:
                out.addFloat((Float) value);
                break;
            case FLOAT64:
                out.addDouble((Double) value);
                break;
            case BOOLEAN:
                out.addBoolean((Boolean) value);
                break;
            case STRING:
                String string = (String) value;
                if (out != DRY_RUN) { // checking needs the cast only, not the UTF-8 bytes
                    // Array-backed: dictionary encoding hashes and compares it several times faster than the
                    // ByteBuffer that Binary.fromString wraps. The array is new and never changed, so constant.
                    out.addBinary(Binary.fromConstantByteArray(string.getBytes(StandardCharsets.UTF_8)));
                }
                break;
            case BYTES:
                out.addBinary(value instanceof byte[] bytes
                        ? Binary.fromConstantByteArray(bytes) : Binary.fromConstantByteBuffer((ByteBuffer) value));
                break;
            case STRUCT:
                out.startGroup();
                fields(out, schema, (Struct) value);
                out.endGroup();
                break;
            case ARRAY:
                list(out, schema, (Collection<?>) value);
                break;
            case MAP:
                map(out, schema, (Map<?, ?>) value);
                break;
            default:
                throw new DataException("Cannot write Connect type " + schema.type() + " as Parquet");
        }
    }

    private void list(RecordConsumer out, Schema schema, Collection<?> items) {
        out.startGroup();
        if (!items.isEmpty()) {
            out.startField("list", 0);
            for (Object item : items) {
                out.startGroup();
                field(out, "element", 0, schema.valueSchema(), item);
                out.endGroup();
            }
            out.endField("list", 0);
        }
        out.endGroup();
    }

    private void map(RecordConsumer out, Schema schema, Map<?, ?> map) {
        out.startGroup();
        if (!map.isEmpty()) {
            out.startField("key_value", 0);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new DataException("A Parquet map key cannot be null");
                }
                out.startGroup();
                field(out, "key", 0, schema.keySchema(), entry.getKey());
                field(out, "value", 1, schema.valueSchema(), entry.getValue());
                out.endGroup();
            }
            out.endField("key_value", 0);
        }
        out.endGroup();
    }

    private boolean logical(RecordConsumer out, Schema schema, Object value) {
        if (ParquetSchemas.isUuid(schema)) {
            UUID uuid = UUID.fromString((String) value);
            out.addBinary(Binary.fromConstantByteArray(ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array()));
            return true;
        }
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME:
                decimal(out, schema, (BigDecimal) value);
                return true;
            case Date.LOGICAL_NAME:
                out.addInteger(Math.toIntExact(Math.floorDiv(((java.util.Date) value).getTime(), MILLIS_PER_DAY)));
                return true;
            case Time.LOGICAL_NAME:
                out.addInteger((int) Math.floorMod(((java.util.Date) value).getTime(), MILLIS_PER_DAY));
                return true;
            case Timestamp.LOGICAL_NAME:
                long millis = ((java.util.Date) value).getTime();
                out.addLong(unit == TimestampUnit.MICROS ? Math.multiplyExact(millis, 1000L) : millis);
                return true;
            default:
                return false;
        }
    }

    private static void decimal(RecordConsumer out, Schema schema, BigDecimal value) {
        int precision = ParquetSchemas.precision(schema);
        BigDecimal scaled = value.setScale(ParquetSchemas.scale(schema)); // ArithmeticException if it would round
        if (scaled.precision() > precision) {
            throw new DataException("Decimal " + value + " has more than " + precision + " digits");
        }
        BigInteger unscaled = scaled.unscaledValue();
        if (precision <= 9) {
            out.addInteger(unscaled.intValueExact());
        } else if (precision <= 18) {
            out.addLong(unscaled.longValueExact());
        } else {
            byte[] minimal = unscaled.toByteArray();
            byte[] fixed = new byte[ParquetSchemas.fixedLength(precision)];
            byte sign = (byte) (unscaled.signum() < 0 ? -1 : 0);
            int pad = fixed.length - minimal.length;
            for (int i = 0; i < pad; i++) {
                fixed[i] = sign;
            }
            System.arraycopy(minimal, 0, fixed, pad, minimal.length);
            out.addBinary(Binary.fromConstantByteArray(fixed));
        }
    }

    private static final class DryRun extends RecordConsumer {
        @Override
        public void startMessage() {
        }

        @Override
        public void endMessage() {
        }

        @Override
        public void startField(String field, int index) {
        }

        @Override
        public void endField(String field, int index) {
        }

        @Override
        public void startGroup() {
        }

        @Override
        public void endGroup() {
        }

        @Override
        public void addInteger(int value) {
        }

        @Override
        public void addLong(long value) {
        }

        @Override
        public void addBoolean(boolean value) {
        }

        @Override
        public void addBinary(Binary value) {
        }

        @Override
        public void addFloat(float value) {
        }

        @Override
        public void addDouble(double value) {
        }
    }
}
