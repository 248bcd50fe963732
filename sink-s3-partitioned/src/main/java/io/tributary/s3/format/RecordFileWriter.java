package io.tributary.s3.format;

import java.io.Closeable;
import java.io.IOException;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** Writes the records of one file. A record it rejects leaves the file as it was. */
public interface RecordFileWriter extends Closeable {

    /**
     * Appends {@code record}.
     *
     * @throws DataException when the record cannot be written in this format; nothing of it was written
     */
    void write(SinkRecord record) throws IOException;

    /** Whether {@code record} can go in this file; false (e.g. another schema) makes the writer start a new file. */
    default boolean accepts(SinkRecord record) {
        return true;
    }

    /** Encoded bytes the writer holds that have not reached its stream yet (e.g. an open Parquet row group). */
    default long pendingBytes() {
        return 0;
    }

    /** Heap the writer holds for records not yet in its stream: the pending bytes, or records not encoded yet. */
    default long heldBytes() {
        return pendingBytes();
    }
}
