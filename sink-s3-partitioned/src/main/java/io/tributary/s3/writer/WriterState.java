package io.tributary.s3.writer;

/** The life of a {@link TopicPartitionWriter}. */
public enum WriterState {
    /** Created; {@code open()} has not read the manifest yet. */
    NEW,
    /** Rebuilding files that the last manifest lists but S3 does not have, from replayed records. */
    RECOVERING,
    /** Filling files and committing them as they close. */
    WRITING,
    /** Revoked or stopped: buffers dropped, nothing more is written. */
    CLOSED
}
