package io.tributary.s3.writer;

import java.time.ZoneId;

import io.tributary.s3.config.NullValueBehavior;
import io.tributary.s3.config.S3SinkConnectorConfig;

/** What a {@link TopicPartitionWriter} needs from the config: where files go and when they close. */
public record WriterSettings(String topicsDir, int flushSize, long rotateIntervalMs, long rotateScheduleIntervalMs,
                             ZoneId zone, NullValueBehavior nullValues, long lateDataGraceMs, long rotateSizeBytes) {

    public static WriterSettings of(S3SinkConnectorConfig config) {
        return new WriterSettings(config.topicsDir(), config.flushSize(), config.rotateIntervalMs(),
                config.rotateScheduleIntervalMs(), config.zone(), config.nullValues(), config.lateDataGraceMs(),
                config.rotateSizeBytes());
    }
}
