package io.tributary.s3.partition;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import io.tributary.s3.config.TimestampSource;

/** The time, in epoch milliseconds, under which a record is partitioned and by which record-time rotation runs. */
public interface TimestampExtractor {

    long extract(SinkRecord record);

    /** Whether the same record always yields the same time (false for the wall clock). */
    boolean deterministic();

    static TimestampExtractor of(TimestampSource source, String field, ZoneId zone, Clock clock) {
        switch (source) {
            case WALLCLOCK:
                return new TimestampExtractor() {
                    @Override
                    public long extract(SinkRecord record) {
                        return clock.millis();
                    }

                    @Override
                    public boolean deterministic() {
                        return false;
                    }
                };
            case RECORD_FIELD:
                return new FieldTimestamp(FieldPath.parse(field), zone);
            default:
                return new TimestampExtractor() {
                    @Override
                    public long extract(SinkRecord record) {
                        if (record.timestamp() == null || record.timestamp() < 0) {
                            throw new DataException("Record " + record.topic() + "-" + record.kafkaPartition() + "@"
                                    + record.kafkaOffset() + " has no timestamp; use another timestamp.extractor");
                        }
                        return record.timestamp();
                    }

                    @Override
                    public boolean deterministic() {
                        return true;
                    }
                };
        }
    }

    /** A value field holding a Connect Timestamp/Date, epoch milliseconds, or an ISO-8601 date or date-time. */
    final class FieldTimestamp implements TimestampExtractor {
        private final FieldPath path;
        private final ZoneId zone;

        FieldTimestamp(FieldPath path, ZoneId zone) {
            this.path = path;
            this.zone = zone;
        }

        @Override
        public long extract(SinkRecord record) {
            Object value = path.resolve(record.value());
            if (value instanceof Date date) {
                return date.getTime();
            }
            if (value instanceof Long || value instanceof Integer) {
                return ((Number) value).longValue();
            }
            if (value instanceof String text) {
                return parse(text.trim(), record);
            }
            throw new DataException("Timestamp field '" + path + "' of " + where(record) + " is "
                    + (value == null ? "missing or null" : "a " + value.getClass().getSimpleName())
                    + "; expected a Timestamp, Date, epoch milliseconds or an ISO-8601 string");
        }

        private long parse(String text, SinkRecord record) {
            try {
                if (text.length() == 10) {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
                }
                if (text.endsWith("Z") || text.endsWith("z")) {
                    return Instant.parse(text.toUpperCase(java.util.Locale.ROOT)).toEpochMilli();
                }
                if (text.indexOf('[') > 0) {
                    return ZonedDateTime.parse(text).toInstant().toEpochMilli();
                }
                if (text.lastIndexOf('+') > 9 || text.lastIndexOf('-') > 9) {
                    return OffsetDateTime.parse(text).toInstant().toEpochMilli();
                }
                return LocalDateTime.parse(text).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                throw new DataException("Timestamp field '" + path + "' of " + where(record) + " is '" + text
                        + "', which is not an ISO-8601 date or date-time", e);
            }
        }

        @Override
        public boolean deterministic() {
            return true;
        }

        private static String where(SinkRecord record) {
            return record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
        }
    }
}
