package io.tributary.s3.writer;

/**
 * A closed file of one topic partition: its object key, its partition path, and the first and last offsets and
 * number of the records it holds (offsets in between may belong to files of other paths).
 */
record FileRange(String key, String path, long start, long end, int count) {

    boolean spans(long offset) {
        return start <= offset && offset <= end;
    }
}
