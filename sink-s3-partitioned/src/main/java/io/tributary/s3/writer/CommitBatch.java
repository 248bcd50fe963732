package io.tributary.s3.writer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.connect.errors.ConnectException;

import io.tributary.s3.storage.ObjectStore;

/**
 * A manifest and the files it closed, committed off the task thread: the manifest first, then each file. A batch
 * that fails part-way keeps what it already did, so running it again resumes where it stopped. Only one thread runs
 * it at a time; the task thread reads {@link #manifest()} and {@link #files()}, which never change.
 */
final class CommitBatch {

    /** What running the batch came to. */
    enum Outcome {
        /** The manifest and every file are in the store. */
        COMMITTED,
        /** Another writer appended a manifest at this sequence number first: this writer is fenced out. */
        FENCED
    }

    private final Manifest manifest;
    private final List<OpenFile.Closed> files;
    // Progress, touched only by the thread that runs the batch (runs are ordered by the future between them).
    private boolean manifestAppended;
    private int uploaded;

    CommitBatch(Manifest manifest, List<OpenFile.Closed> files) {
        this.manifest = manifest;
        this.files = List.copyOf(files);
    }

    Manifest manifest() {
        return manifest;
    }

    List<OpenFile.Closed> files() {
        return files;
    }

    /** Heap the batch's file contents take until it is committed. */
    long bytes() {
        long total = 0;
        for (OpenFile.Closed file : files) {
            total += file.content().length();
        }
        return total;
    }

    /** The outcome of a finished run; its failure is thrown on the calling (task) thread as the store threw it. */
    static Outcome outcome(CompletableFuture<Outcome> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new ConnectException("Committing files failed: " + e.getCause(), e.getCause());
        }
    }

    /** Appends the manifest (unless a previous run did), then uploads the files a previous run did not. */
    Outcome run(ManifestStore manifests, ObjectStore store, WriteCounters counters) {
        if (!manifestAppended) {
            if (!manifests.append(manifest)) {
                return Outcome.FENCED;
            }
            manifestAppended = true;
        }
        for (; uploaded < files.size(); uploaded++) {
            OpenFile.Closed file = files.get(uploaded);
            store.createOrVerify(file.range().key(), file.content());
            counters.committed(file.range(), file.content().length());
        }
        return Outcome.COMMITTED;
    }
}
