package io.tributary.s3.storage;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * An object's bytes, immutable, held in blocks rather than one array: a file of a few megabytes then never needs an
 * array the size of the file (which a garbage collector with regions treats as a costly "humongous" object), nor a
 * copy of it to upload. Read it as a stream, whole or a range of it (a multipart upload's parts).
 */
public final class Content {

    private static final Content EMPTY = new Content(new byte[0][], new long[0], 0);

    private final byte[][] blocks;
    /** Where each block starts in the content; each block but the last is full. */
    private final long[] starts;
    private final long length;

    Content(byte[][] blocks, long[] starts, long length) {
        this.blocks = blocks;
        this.starts = starts;
        this.length = length;
    }

    /** Content holding {@code bytes}, which the caller must not change afterwards. */
    public static Content of(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Content(new byte[][] {bytes}, new long[] {0}, bytes.length);
    }

    public long length() {
        return length;
    }

    /** The whole content as a stream. */
    public InputStream stream() {
        return stream(0, length);
    }

    /** {@code count} bytes from {@code from} as a stream. */
    public InputStream stream(long from, long count) {
        Objects.checkFromIndexSize(from, count, length);
        return new RangeStream(from, count);
    }

    /** Feeds {@code count} bytes from {@code from} to {@code digest}. */
    public void update(MessageDigest digest, long from, long count) {
        Objects.checkFromIndexSize(from, count, length);
        long position = from;
        long end = from + count;
        while (position < end) {
            int block = blockOf(position);
            int offset = (int) (position - starts[block]);
            int n = (int) Math.min(blocks[block].length - offset, end - position);
            digest.update(blocks[block], offset, n);
            position += n;
        }
    }

    /** Whether {@code other} holds exactly these bytes. */
    public boolean sameBytes(byte[] other) {
        if (other.length != length) {
            return false;
        }
        for (int block = 0; block < blocks.length; block++) {
            int start = (int) starts[block];
            int n = blockLength(block);
            if (!Arrays.equals(blocks[block], 0, n, other, start, start + n)) {
                return false;
            }
        }
        return true;
    }

    /** A copy in one array; for content known to be small, or for tests. */
    public byte[] toByteArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(length + " bytes do not fit in one array");
        }
        byte[] copy = new byte[(int) length];
        for (int block = 0; block < blocks.length; block++) {
            System.arraycopy(blocks[block], 0, copy, (int) starts[block], blockLength(block));
        }
        return copy;
    }

    private int blockLength(int block) {
        return (int) Math.min(blocks[block].length, length - starts[block]);
    }

    private int blockOf(long position) {
        int found = Arrays.binarySearch(starts, position);
        return found >= 0 ? found : -found - 2;
    }

    /** Reads a range block by block, without copying the blocks. */
    private final class RangeStream extends InputStream {
        private long position;
        private final long end;

        RangeStream(long from, long count) {
            this.position = from;
            this.end = from + count;
        }

        @Override
        public int read() {
            if (position >= end) {
                return -1;
            }
            int block = blockOf(position);
            return blocks[block][(int) (position++ - starts[block])] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int count) {
            Objects.checkFromIndexSize(offset, count, into.length);
            if (count == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int block = blockOf(position);
            int inBlock = (int) (position - starts[block]);
            int n = (int) Math.min(Math.min(count, blocks[block].length - inBlock), end - position);
            System.arraycopy(blocks[block], inBlock, into, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
