package io.tributary.s3.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the heap a task's buffered files take, however many partitions and time partitions are open: past the
 * limit, the largest open files are closed early (and then uploaded) until a quarter of the budget is free again,
 * and while closed files waiting for upload alone exceed it, the task thread waits for their uploads.
 * Early closes are safe for exactly-once, because a file's boundaries are in its manifest before it is uploaded.
 */
public final class MemoryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBudget.class);

    /** An open file that could be closed early. */
    record Candidate(TopicPartitionWriter writer, String path, long bytes) {
    }

    private final long limitBytes;

    public MemoryBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /**
     * Backpressure: while the writers hold more than the budget (closed files waiting for their upload), waits for
     * the upload of the writer holding the most. Returns how many uploads it waited for.
     */
    public int awaitUploads(Collection<TopicPartitionWriter> writers) {
        int waited = 0;
        while (true) {
            long total = 0;
            TopicPartitionWriter largest = null;
            long largestBytes = -1;
            for (TopicPartitionWriter writer : writers) {
                long bytes = writer.bufferedBytes();
                total += bytes;
                if (writer.uploading() && bytes > largestBytes) {
                    largest = writer;
                    largestBytes = bytes;
                }
            }
            if (total <= limitBytes || largest == null) {
                if (waited > 0) {
                    LOG.debug("Waited for {} uploads to stay within buffer.memory.bytes ({} bytes)", waited,
                            limitBytes);
                }
                return waited;
            }
            largest.awaitUpload();
            waited++;
        }
    }

    /** Closes the largest open files of {@code writers} while they hold more than the budget; returns how many. */
    public int enforce(Collection<TopicPartitionWriter> writers) {
        long total = 0;
        for (TopicPartitionWriter writer : writers) {
            total += writer.bufferedBytes();
        }
        if (total <= limitBytes) {
            return 0;
        }
        List<Candidate> candidates = new ArrayList<>();
        writers.forEach(writer -> writer.openFiles(candidates));
        candidates.sort(Comparator.comparingLong(Candidate::bytes).reversed());
        long target = limitBytes - limitBytes / 4;
        int closed = 0;
        for (Candidate candidate : candidates) {
            if (total <= target) {
                break;
            }
            candidate.writer().rotate(candidate.path());
            total -= candidate.bytes();
            closed++;
        }
        LOG.info("Buffered files exceeded buffer.memory.bytes ({} bytes): closed the {} largest early", limitBytes,
                closed);
        return closed;
    }
}
