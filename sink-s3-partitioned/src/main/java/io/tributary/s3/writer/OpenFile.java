package io.tributary.s3.writer;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.connect.sink.SinkRecord;

import io.tributary.s3.format.RecordFileWriter;
import io.tributary.s3.format.RecordFormat;
import io.tributary.s3.storage.Content;
import io.tributary.s3.storage.ContentBuffer;

/** A file being filled in memory for one partition path, from its first record until it is closed. */
final class OpenFile {

    private final String key;
    private final String path;
    private final long start;
    private final long firstTimeMillis;
    private final long rotateAtWallMillis;
    private final ContentBuffer bytes = new ContentBuffer();
    private final long allowance;
    private final RecordFileWriter writer;
    private long end = -1;
    private int count;
    private long lastTimeMillis = Long.MIN_VALUE;

    /**
     * @param rotateAtWallMillis the wall-clock time at which a scheduled rotation closes it, or Long.MAX_VALUE
     */
    OpenFile(RecordFormat format, String key, String path, long start, long firstTimeMillis, long rotateAtWallMillis) {
        this.key = key;
        this.path = path;
        this.start = start;
        this.firstTimeMillis = firstTimeMillis;
        this.rotateAtWallMillis = rotateAtWallMillis;
        try {
            this.writer = format.open(bytes, key);
            this.allowance = format.bufferAllowanceBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends a record filed at {@code timeMillis}; a DataException leaves the file unchanged. */
    void write(SinkRecord record, long timeMillis) {
        try {
            writer.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        end = record.kafkaOffset();
        count++;
        lastTimeMillis = Math.max(lastTimeMillis, timeMillis);
    }

    /**
     * Bytes of the file so far as encoded (and compressed, as far as the encoder has flushed them), with what the
     * encoder still holds (a Parquet row group): about the size of the object if it closed now.
     */
    long encodedBytes() {
        return bytes.size() + writer.pendingBytes();
    }

    /** The newest record time in the file. */
    long lastTimeMillis() {
        return lastTimeMillis;
    }

    boolean accepts(SinkRecord record) {
        return writer.accepts(record);
    }

    /** Finishes the file and returns its bytes and range. */
    Closed close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Closed(new FileRange(key, path, start, end, count), bytes.toContent());
    }

    /** Heap this file holds: its byte buffer, what the encoder holds back, and an allowance for buffers. */
    long bufferedBytes() {
        return bytes.capacity() + writer.heldBytes() + allowance;
    }

    String path() {
        return path;
    }

    long start() {
        return start;
    }

    int count() {
        return count;
    }

    long firstTimeMillis() {
        return firstTimeMillis;
    }

    long rotateAtWallMillis() {
        return rotateAtWallMillis;
    }

    /** A closed file: its range and its content, ready to upload. */
    record Closed(FileRange range, Content content) {
    }
}
