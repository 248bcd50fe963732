package io.tributary.s3.partition;

import java.time.Instant;
import java.time.ZoneId;

import org.apache.kafka.connect.sink.SinkRecord;

/** Places a record: its time (per the extractor, rounded to the partition duration) and its partition path. */
public final class RecordPartitioner {

    /** Where a record goes: its partition path, and the time it was filed under (before rounding). */
    public record Placement(String path, long timeMillis) {
    }

    private final TimestampExtractor extractor;
    private final PathTemplate template;
    private final ZoneId zone;
    private final long durationMs;

    /** {@code durationMs} rounds times down to multiples of it in {@code zone}; -1 leaves them as they are. */
    public RecordPartitioner(TimestampExtractor extractor, PathTemplate template, ZoneId zone, long durationMs) {
        this.extractor = extractor;
        this.template = template;
        this.zone = zone;
        this.durationMs = durationMs;
    }

    public Placement place(SinkRecord record) {
        long time = extractor.extract(record);
        return new Placement(template.render(record, durationMs > 0 ? floor(time, durationMs, zone) : time), time);
    }

    /** Whether the same record is always placed the same way. */
    public boolean deterministic() {
        return extractor.deterministic();
    }

    /** {@code millis} rounded down to a multiple of {@code step}, counted from 1970-01-01T00:00 in {@code zone}. */
    public static long floor(long millis, long step, ZoneId zone) {
        long offset = zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
        long local = millis + offset;
        return local - Math.floorMod(local, step) - offset;
    }
}
