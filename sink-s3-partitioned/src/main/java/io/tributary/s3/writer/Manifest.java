package io.tributary.s3.writer;

import java.util.List;

/**
 * One immutable step of a topic partition's commit log in S3. Every offset below {@link #nextOffset} is either in a
 * file listed here or in an earlier manifest's, or was dropped (null value, dead-letter queue). Files of earlier
 * manifests are all uploaded; the files listed here may not be yet, and a new owner rebuilds any that are missing,
 * with exactly these boundaries, before it writes anything else.
 *
 * @param seq position in the log, 0 first; each is created only if absent, which fences out a second writer
 * @param nextOffset the offset to resume reading at
 * @param files the files this step closed, plus earlier ones that still hold offsets at or after nextOffset
 */
record Manifest(long seq, long nextOffset, List<FileRange> files) {

    Manifest {
        files = List.copyOf(files);
    }
}
