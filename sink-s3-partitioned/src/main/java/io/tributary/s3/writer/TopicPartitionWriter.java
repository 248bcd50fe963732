package io.tributary.s3.writer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.tributary.s3.config.NullValueBehavior;
import io.tributary.s3.format.RecordFormat;
import io.tributary.s3.partition.RecordPartitioner;
import io.tributary.s3.storage.Content;
import io.tributary.s3.storage.ObjectStore;

/**
 * Writes one topic partition to S3 exactly once. Each batch of closed files is first recorded in a manifest (created
 * only if absent, which fences out a zombie), then uploaded with {@code If-None-Match: *}. On open, the newest
 * manifest says where to resume and which files of its batch must be rebuilt from replayed records, with the same
 * boundaries, whatever triggered their rotation. Batches are committed on the task's upload executor, one at a
 * time per partition and in order, while the task thread goes on encoding; their failures surface on the task
 * thread at the next {@link #tick()}.
 */
public final class TopicPartitionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TopicPartitionWriter.class);

    private final TopicPartition tp;
    private final WriterSettings settings;
    private final RecordPartitioner partitioner;
    private final RecordFormat format;
    private final ObjectStore store;
    private final ManifestStore manifests;
    private final Clock clock;
    private final ErrantRecords errant;
    private final LongConsumer seek;
    private final Executor uploads;
    private final WriteCounters counters;

    private WriterState state = WriterState.NEW;
    private long seq = -1;
    private long nextOffset = -1;
    private long committedOffset = -1;
    private List<FileRange> committed = List.of();
    private final Map<String, Rebuild> rebuilds = new LinkedHashMap<>();
    private final Map<String, OpenFile> open = new LinkedHashMap<>();
    private final List<OpenFile.Closed> closed = new ArrayList<>();
    private CommitBatch pending;
    private CompletableFuture<CommitBatch.Outcome> inFlight;
    private long recordTimeMillis = Long.MIN_VALUE;

    /**
     * {@code seek} rewinds the consumer of this partition to an offset (the task passes its context's);
     * {@code uploads} runs the commits of closed files ({@code Runnable::run} commits them on the calling thread).
     */
    TopicPartitionWriter(TopicPartition tp, WriterSettings settings, RecordPartitioner partitioner, RecordFormat format,
                         ObjectStore store, Clock clock, ErrantRecords errant, LongConsumer seek, Executor uploads,
                         WriteCounters counters) {
        this.tp = tp;
        this.settings = settings;
        this.partitioner = partitioner;
        this.format = format;
        this.store = store;
        this.manifests = new ManifestStore(store, settings.topicsDir(), tp);
        this.clock = clock;
        this.errant = errant;
        this.seek = seek;
        this.uploads = uploads;
        this.counters = counters;
    }

    /** Reads the newest manifest, finds its files missing from S3, and rewinds to where replay must start. */
    public void open() {
        open.clear();
        closed.clear();
        rebuilds.clear();
        pending = null;
        inFlight = null; // fenced out: whatever it was doing, its batch lost to another writer's
        recordTimeMillis = Long.MIN_VALUE;
        Optional<Manifest> latest = manifests.latest();
        if (latest.isEmpty()) {
            seq = -1;
            committedOffset = -1;
            nextOffset = -1;
            committed = List.of();
            state = WriterState.WRITING;
            LOG.info("{}: no manifest yet; starting at the consumer's committed offset", tp);
            return;
        }
        Manifest manifest = latest.get();
        seq = manifest.seq();
        committedOffset = manifest.nextOffset();
        committed = manifest.files();
        long resume = committedOffset;
        for (FileRange file : committed) {
            if (!store.exists(file.key())) {
                rebuilds.put(file.key(), new Rebuild(file, newFile(file.key(), file.path(), file.start(), 0L)));
                resume = Math.min(resume, file.start());
            }
        }
        nextOffset = resume;
        state = rebuilds.isEmpty() ? WriterState.WRITING : WriterState.RECOVERING;
        LOG.info("{}: manifest {} resumes at offset {}{}", tp, seq, resume,
                rebuilds.isEmpty() ? "" : "; rebuilding " + rebuilds.keySet());
        seek.accept(resume);
    }

    /** Writes one record of this partition; records at offsets already handled are skipped. */
    public void write(SinkRecord record) {
        long offset = record.kafkaOffset();
        if (state == WriterState.CLOSED || (nextOffset >= 0 && offset < nextOffset)) {
            return;
        }
        Optional<FileRange> owner = committedOwner(record);
        if (owner.isPresent()) {
            Rebuild rebuild = rebuilds.get(owner.get().key());
            if (rebuild != null) {
                rebuild.offer(record);
            }
        } else if (committedOffset < 0 || offset >= committedOffset) {
            writeNew(record);
        }
        nextOffset = offset + 1;
        finishRebuilds(offset);
    }

    /** Closes files whose scheduled rotation is due, then commits closed files (or retries what failed before). */
    public void tick() {
        if (!rebuilds.isEmpty() && nextOffset > 0) {
            finishRebuilds(nextOffset - 1);
        }
        if (!open.isEmpty() && (settings.rotateScheduleIntervalMs() > 0 || settings.lateDataGraceMs() > 0)) {
            long now = clock.millis();
            long grace = settings.lateDataGraceMs();
            for (OpenFile file : List.copyOf(open.values())) {
                if (now >= file.rotateAtWallMillis()
                        || grace > 0 && recordTimeMillis - file.lastTimeMillis() > grace) {
                    closeFile(file);
                }
            }
        }
        commit();
    }

    /** The offset below which every record is durable in S3 (or was dropped), or empty if not known yet. */
    public OptionalLong durableOffset() {
        if (nextOffset < 0 || state == WriterState.CLOSED) {
            return OptionalLong.empty();
        }
        long safe = nextOffset;
        for (OpenFile file : open.values()) {
            safe = Math.min(safe, file.start());
        }
        for (OpenFile.Closed file : closed) {
            safe = Math.min(safe, file.range().start());
        }
        if (pending != null) {
            for (OpenFile.Closed file : pending.files()) {
                safe = Math.min(safe, file.range().start());
            }
        }
        for (Rebuild rebuild : rebuilds.values()) {
            safe = Math.min(safe, rebuild.range().start());
        }
        return OptionalLong.of(safe);
    }

    /** Heap held by this partition's buffered files: open, closed and not yet uploaded. */
    public long bufferedBytes() {
        long total = 0;
        for (OpenFile file : open.values()) {
            total += file.bufferedBytes();
        }
        for (OpenFile.Closed file : closed) {
            total += file.content().length();
        }
        if (pending != null) {
            total += pending.bytes();
        }
        return total;
    }

    /** The open files of this partition, for {@link MemoryBudget} to choose which to close early. */
    void openFiles(List<MemoryBudget.Candidate> into) {
        for (OpenFile file : open.values()) {
            into.add(new MemoryBudget.Candidate(this, file.path(), file.bufferedBytes()));
        }
    }

    /** Closes the open file of {@code path}, if there is one; the next {@link #tick()} commits it. */
    void rotate(String path) {
        OpenFile file = open.get(path);
        if (file != null) {
            closeFile(file);
        }
    }

    /** Whether a batch of this partition was sent to the upload executor and its end not yet taken up. */
    public boolean uploading() {
        // The same condition under which commit() takes a finished batch up, so waiting on it always makes progress.
        return inFlight != null && state != WriterState.CLOSED && rebuilds.isEmpty();
    }

    /** Waits for the batch being committed, if any, then commits what closed meanwhile; for backpressure. */
    public void awaitUpload() {
        if (inFlight != null) {
            inFlight.handle((outcome, error) -> null).join();
        }
        commit();
    }

    public WriterState state() {
        return state;
    }

    /**
     * Drops what is buffered: it was never committed, so the partition's next owner replays it. A batch still being
     * committed finishes in the background; its manifest makes it safe for the next owner either way.
     */
    public void close() {
        open.clear();
        closed.clear();
        rebuilds.clear();
        pending = null;
        inFlight = null;
        state = WriterState.CLOSED;
    }

    // The committed file (from the newest manifest) that holds this record, if any. A record that could not be
    // placed or was null is in no file: it was dropped the same way the first time.
    private Optional<FileRange> committedOwner(SinkRecord record) {
        long offset = record.kafkaOffset();
        String path = null;
        for (FileRange file : committed) {
            if (!file.spans(offset)) {
                continue;
            }
            if (path == null) {
                if (record.value() == null) {
                    return Optional.empty();
                }
                try {
                    path = partitioner.place(record).path();
                } catch (DataException e) {
                    return Optional.empty();
                }
            }
            // Wall-clock paths are not reproducible, but wall-clock files of a partition never overlap.
            if (!partitioner.deterministic() || path.equals(file.path())) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private void writeNew(SinkRecord record) {
        long offset = record.kafkaOffset();
        if (record.value() == null) {
            if (settings.nullValues() == NullValueBehavior.FAIL) {
                errant.report(record, new DataException("Record " + tp + "@" + offset + " has a null value and "
                        + "behavior.on.null.values is 'fail'"));
            }
            return;
        }
        RecordPartitioner.Placement placement;
        try {
            placement = partitioner.place(record);
        } catch (DataException e) {
            errant.report(record, e);
            return;
        }
        OpenFile file = open.get(placement.path());
        if (file != null && (!file.accepts(record) || settings.rotateIntervalMs() > 0
                && placement.timeMillis() - file.firstTimeMillis() >= settings.rotateIntervalMs())) {
            closeFile(file);
            file = null;
        }
        boolean created = file == null;
        if (created) {
            file = newFile(key(placement.path(), offset), placement.path(), offset, placement.timeMillis());
        }
        try {
            file.write(record, placement.timeMillis());
        } catch (DataException e) {
            errant.report(record, e);
            return; // a new file that took no record is simply forgotten
        }
        if (created) {
            open.put(placement.path(), file);
        }
        recordTimeMillis = Math.max(recordTimeMillis, placement.timeMillis());
        if (file.count() >= settings.flushSize()
                || settings.rotateSizeBytes() > 0 && file.encodedBytes() >= settings.rotateSizeBytes()) {
            closeFile(file);
        }
    }

    private void finishRebuilds(long offset) {
        if (rebuilds.isEmpty()) {
            return;
        }
        for (Rebuild rebuild : List.copyOf(rebuilds.values())) {
            if (rebuild.range().end() <= offset) {
                Content content = rebuild.finish(tp);
                store.createOrVerify(rebuild.range().key(), content);
                counters.committed(rebuild.range(), content.length());
                rebuilds.remove(rebuild.range().key());
                LOG.info("{}: rebuilt {} ({} records)", tp, rebuild.range().key(), rebuild.range().count());
            }
        }
        if (rebuilds.isEmpty() && state == WriterState.RECOVERING) {
            state = WriterState.WRITING;
        }
    }

    private void closeFile(OpenFile file) {
        open.remove(file.path());
        closed.add(file.close());
    }

    // Manifest first, then the files: a crash in between leaves boundaries a replay can rebuild exactly. One batch
    // of this partition at a time, so manifests stay in order and each one's files are durable before the next.
    // A batch that fails after the store's retries stays pending; the next tick() sends it again.
    private void commit() {
        while (state != WriterState.CLOSED && rebuilds.isEmpty()) {
            if (inFlight != null) {
                if (!inFlight.isDone()) {
                    return;
                }
                CompletableFuture<CommitBatch.Outcome> done = inFlight;
                inFlight = null;
                CommitBatch.Outcome outcome = CommitBatch.outcome(done);
                if (outcome == CommitBatch.Outcome.FENCED) {
                    LOG.warn("{}: another task appended manifest {} first (this task was fenced out, e.g. after a "
                            + "rebalance); dropping buffered records and resuming from its manifest", tp,
                            pending.manifest().seq());
                    open();
                    return;
                }
                Manifest manifest = pending.manifest();
                LOG.debug("{}: committed manifest {}, resume offset {}", tp, manifest.seq(), manifest.nextOffset());
                pending = null;
                seq = manifest.seq();
                committedOffset = manifest.nextOffset();
                committed = manifest.files().stream().filter(file -> file.end() >= manifest.nextOffset()).toList();
                continue; // files that closed while the batch was being committed
            }
            if (pending == null) {
                if (closed.isEmpty()) {
                    return;
                }
                pending = new CommitBatch(nextManifest(), closed);
                closed.clear();
            }
            CommitBatch batch = pending;
            inFlight = CompletableFuture.supplyAsync(() -> batch.run(manifests, store, counters), uploads);
        }
    }

    private Manifest nextManifest() {
        long low = open.values().stream().mapToLong(OpenFile::start).reduce(nextOffset, Math::min);
        List<FileRange> files = new ArrayList<>();
        for (FileRange file : committed) {
            if (file.end() >= low) {
                files.add(file);
            }
        }
        closed.forEach(file -> files.add(file.range()));
        return new Manifest(seq + 1, low, files);
    }

    private OpenFile newFile(String key, String path, long start, long firstTimeMillis) {
        long rotateAt = Long.MAX_VALUE;
        long interval = settings.rotateScheduleIntervalMs();
        if (interval > 0) {
            rotateAt = RecordPartitioner.floor(clock.millis(), interval, settings.zone()) + interval;
        }
        return new OpenFile(format, key, path, start, firstTimeMillis, rotateAt);
    }

    private String key(String path, long start) {
        return settings.topicsDir() + "/" + path + "/" + tp.topic() + "+" + tp.partition() + "+"
                + String.format("%019d", start) + "." + format.extension();
    }
}
