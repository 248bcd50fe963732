package io.tributary.s3.writer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.s3.storage.StorageException;

/**
 * A task's partition writers, driven on a writer thread of their own so that the task thread only converts records
 * and hands them over. {@link #put} queues a batch and returns (at most {@link #QUEUED_BATCHES} wait, which bounds
 * the heap they hold besides {@code buffer.memory.bytes}); {@link #open}, {@link #close} and {@link #durableOffsets}
 * wait until the writer thread has taken every batch queued before them. What the writer thread finds (a failure, a
 * record to report, a partition to rewind) surfaces on the task thread at its next call. Without a thread name the
 * writers run on the calling thread, inside each call.
 */
public final class TaskWriters {

    private static final Logger LOG = LoggerFactory.getLogger(TaskWriters.class);
    /** Batches handed over and not yet taken by the writer thread, the one it is writing included. */
    static final int QUEUED_BATCHES = 2;

    /** A rewind of one partition's consumer, numbered so that a later one supersedes it. */
    private record Seek(long offset, long number) {
    }

    private final PartitionWriters factory;
    private final MemoryBudget budget;
    private final ErrantQueue errantQueue = new ErrantQueue();
    private final ErrantRecords errant;
    private final BiConsumer<TopicPartition, Long> seek;
    private final ExecutorService thread;
    private final Semaphore queued = new Semaphore(QUEUED_BATCHES);
    private final Map<TopicPartition, Seek> seeks = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    // Touched only on the writer thread (or inside the calling thread's call when there is none).
    private final Map<TopicPartition, TopicPartitionWriter> writers = new HashMap<>();
    /** Partitions rewound whose records, until the rewind lands, are stale: from before the seek. */
    private final Map<TopicPartition, Long> stale = new HashMap<>();
    private long seekCount;
    /** Records of a batch that a failure stopped, written first with the next batch. */
    private List<SinkRecord> carryOver = List.of();

    /**
     * @param factory   makes the writers from where they report errant records
     * @param errant    reports errant records, on the task thread
     * @param seek      rewinds a partition's consumer (the task's context), on the task thread
     * @param threadName the writer thread's name, or null to write on the calling thread
     */
    public TaskWriters(Function<ErrantRecords, PartitionWriters> factory, MemoryBudget budget, ErrantRecords errant,
                       BiConsumer<TopicPartition, Long> seek, String threadName) {
        this.factory = factory.apply(errantQueue);
        this.budget = budget;
        this.errant = errant;
        this.seek = seek;
        this.thread = threadName == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread writerThread = new Thread(runnable, threadName);
            writerThread.setDaemon(true);
            return writerThread;
        });
    }

    /** What the writers made durable and hold, for the task's metrics. */
    public WriteCounters counters() {
        return factory.counters();
    }

    /** Creates the writers of {@code partitions}, each rewinding its consumer to where its manifest resumes. */
    public void open(Collection<TopicPartition> partitions) {
        call(() -> {
            for (TopicPartition tp : partitions) {
                TopicPartitionWriter writer = factory.create(tp, offset -> seekRequested(tp, offset));
                writers.put(tp, writer);
                writer.open();
            }
            return null;
        });
        // Nothing of these partitions was delivered yet: the next batch already comes from the rewound position
        // (or from before it, which the writer skips by offset).
        rewind();
    }

    /**
     * Hands {@code records} to the writers. Throws what failed on the writer thread since the last call (a
     * {@link StorageException} with reason UNAVAILABLE means: deliver this batch again later).
     */
    public void put(Collection<SinkRecord> records) {
        throwFailure();
        errantQueue.drainTo(errant);
        List<SinkRecord> batch = List.copyOf(records);
        acquire();
        run(() -> {
            try {
                write(batch);
            } finally {
                queued.release();
            }
        });
        if (thread == null) {
            throwFailure();
            errantQueue.drainTo(errant);
        }
        // The worker applies these seeks after this put returns: what it delivered up to now is stale.
        rewind();
    }

    /**
     * Commits what is due, then returns each partition's offset below which every record is durable. A store
     * outage leaves the offsets where they are (the writers try again later); other failures are thrown.
     */
    public Map<TopicPartition, Long> durableOffsets() {
        RuntimeException failed = failure.get();
        if (failed != null && !unavailable(failed)) {
            throw failed;
        }
        Map<TopicPartition, Long> durable = call(() -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            for (Map.Entry<TopicPartition, TopicPartitionWriter> entry : writers.entrySet()) {
                try {
                    entry.getValue().tick();
                } catch (StorageException e) {
                    if (!unavailable(e)) {
                        throw e;
                    }
                    LOG.warn("{}: S3 is unavailable; committing the offsets that are already durable: {}",
                            entry.getKey(), e.getMessage());
                }
                OptionalLong offset = entry.getValue().durableOffset();
                if (offset.isPresent()) {
                    offsets.put(entry.getKey(), offset.getAsLong());
                }
            }
            return offsets;
        });
        errantQueue.drainTo(errant);
        return durable;
    }

    /** Drops what the writers of {@code partitions} buffered: their next owner replays it. */
    public void close(Collection<TopicPartition> partitions) {
        call(() -> {
            for (TopicPartition tp : partitions) {
                TopicPartitionWriter writer = writers.remove(tp);
                if (writer != null) {
                    writer.close();
                }
                stale.remove(tp);
            }
            return null;
        });
        partitions.forEach(seeks::remove);
    }

    /** Closes every writer and ends the writer thread, waiting up to {@code timeoutMillis} for the batch it writes. */
    public void stop(long timeoutMillis) {
        if (thread == null) {
            closeAll();
            return;
        }
        thread.execute(this::closeAll);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("The writer thread is still busy after {} ms; stopping anyway (what it buffered was never "
                        + "committed, so the partitions' next owners replay it)", timeoutMillis);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void closeAll() {
        writers.values().forEach(TopicPartitionWriter::close);
        writers.clear();
    }

    // ---- writer thread ----

    private void write(List<SinkRecord> batch) {
        RuntimeException failed = failure.get();
        if (failed != null && !unavailable(failed)) {
            return; // the task is failing: nothing more is written
        }
        List<SinkRecord> records = batch;
        if (!carryOver.isEmpty()) {
            records = new ArrayList<>(carryOver);
            records.addAll(batch);
            carryOver = List.of();
        }
        int i = 0;
        try {
            SinkRecord previous = null;
            TopicPartitionWriter writer = null;
            boolean skip = false;
            for (; i < records.size(); i++) {
                SinkRecord record = records.get(i);
                // Batches come in runs of one partition: look the writer up once per run.
                if (previous == null || previous.kafkaPartition().intValue() != record.kafkaPartition()
                        || !previous.topic().equals(record.topic())) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.kafkaPartition());
                    writer = writerOf(tp);
                    skip = stale.containsKey(tp);
                }
                if (!skip) {
                    writer.write(record);
                }
                previous = record;
            }
            writers.values().forEach(TopicPartitionWriter::tick);
            budget.enforce(writers.values());
        } catch (RuntimeException e) {
            // Records the writers took are skipped by offset when written again: keep the rest of the batch from
            // the one that failed.
            carryOver = i < records.size() ? List.copyOf(records.subList(i, records.size())) : List.of();
            failure.compareAndSet(null, e);
        }
    }

    private TopicPartitionWriter writerOf(TopicPartition tp) {
        TopicPartitionWriter writer = writers.get(tp);
        if (writer == null) {
            throw new ConnectException("Received a record of " + tp + ", which this task was not assigned");
        }
        return writer;
    }

    private void seekRequested(TopicPartition tp, long offset) {
        long number = ++seekCount;
        stale.put(tp, number);
        seeks.put(tp, new Seek(offset, number));
    }

    private void rewound(Map<TopicPartition, Seek> landed) {
        landed.forEach((tp, landedSeek) -> stale.remove(tp, landedSeek.number()));
    }

    // ---- task thread ----

    /** Passes the seeks the writers asked for to the worker, and tells the writers they land after what is queued. */
    private void rewind() {
        if (seeks.isEmpty()) {
            return;
        }
        Map<TopicPartition, Seek> landed = new HashMap<>();
        for (TopicPartition tp : List.copyOf(seeks.keySet())) {
            Seek requested = seeks.remove(tp);
            if (requested != null) {
                seek.accept(tp, requested.offset());
                landed.put(tp, requested);
            }
        }
        run(() -> rewound(landed));
    }

    private void throwFailure() {
        RuntimeException failed = failure.get();
        if (failed == null) {
            return;
        }
        if (unavailable(failed)) {
            failure.compareAndSet(failed, null); // the carried-over records are written with the redelivered batch
        }
        throw failed;
    }

    private static boolean unavailable(RuntimeException e) {
        return e instanceof StorageException storage && storage.reason() == StorageException.Reason.UNAVAILABLE;
    }

    private void acquire() {
        try {
            queued.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the writer thread", e);
        }
    }

    private void run(Runnable op) {
        if (thread == null) {
            op.run();
        } else {
            thread.execute(op);
        }
    }

    private <T> T call(java.util.concurrent.Callable<T> op) {
        try {
            if (thread == null) {
                return op.call();
            }
            Future<T> result = thread.submit(op);
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ConnectException("The writer thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the writer thread", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ConnectException(e);
        }
    }
}
