package io.tributary.s3.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the heap a task's buffered files take, however many partitions and time partitions are open: past the
 * limit, the largest open files are closed early (and then uploaded) until a quarter of the budget is free again;
 * when it is closed files waiting for their upload that take the room, the task thread waits for uploads instead.
 * Early closes are safe for exactly-once, because a file's boundaries are in its manifest before it is uploaded.
 */
public final class MemoryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryBudget.class);

    /** An open file that could be closed early. */
    record Candidate(TopicPartitionWriter writer, String path, long bytes) {
    }

    private final long limitBytes;
    /** What the writers held at the last {@link #enforce}, for the task's metrics. */
    private volatile long bufferedBytes;

    public MemoryBudget(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Heap the writers' buffered files took when the budget was last enforced (after each batch). */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Backpressure: while the writers hold more than the budget and some upload is under way, waits for the upload of
     * the writer holding the most. Returns how many uploads it waited for.
     */
    int awaitUploads(Collection<TopicPartitionWriter> writers) {
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

    /**
     * Keeps {@code writers} within the budget. When what is over it waits for upload (open files alone fit in three
     * quarters of it), closing files would free nothing: it waits for uploads instead. Otherwise it closes the
     * largest open files, which the writers' next tick sends. Returns how many files it closed.
     */
    public int enforce(Collection<TopicPartitionWriter> writers) {
        long total = 0;
        for (TopicPartitionWriter writer : writers) {
            total += writer.bufferedBytes();
        }
        bufferedBytes = total;
        if (total <= limitBytes) {
            return 0;
        }
        List<Candidate> candidates = new ArrayList<>();
        writers.forEach(writer -> writer.openFiles(candidates));
        long target = limitBytes - limitBytes / 4;
        if (candidates.stream().mapToLong(Candidate::bytes).sum() <= target) {
            awaitUploads(writers);
            return 0;
        }
        candidates.sort(Comparator.comparingLong(Candidate::bytes).reversed());
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
