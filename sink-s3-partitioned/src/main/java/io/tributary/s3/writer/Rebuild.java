package io.tributary.s3.writer;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import io.tributary.s3.storage.Content;

/** A file the newest manifest lists but S3 lacks, refilled from replayed records. */
final class Rebuild {
    private final FileRange range;
    private final OpenFile file;

    Rebuild(FileRange range, OpenFile file) {
        this.range = range;
        this.file = file;
    }

    FileRange range() {
        return range;
    }

    void offer(SinkRecord record) {
        if (record.value() == null) {
            return;
        }
        try {
            file.write(record, Long.MIN_VALUE);
        } catch (DataException e) {
            // It was rejected the first time too (and reported then): it is not in this file.
        }
    }

    Content finish(TopicPartition tp) {
        OpenFile.Closed done = file.close();
        if (done.range().count() != range.count()) {
            throw new ConnectException(tp + ": cannot rebuild " + range.key() + ": the manifest says "
                    + range.count() + " records in offsets " + range.start() + ".." + range.end() + ", replay gave "
                    + done.range().count() + ". Were records deleted from the topic, or did path.format, the "
                    + "timestamp settings or the converter change? Restore them, or point topics.dir elsewhere.");
        }
        return done.content();
    }
}
