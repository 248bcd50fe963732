package io.tributary.s3.storage;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * An output stream that collects {@link Content}. Its first block starts small (so that a thousand small open files
 * stay small) and doubles, by copying, up to {@link #MAX_BLOCK_BYTES}; past that it adds blocks of that size, so a
 * large file is never copied to grow. It knows the heap it holds, which is what a memory budget must count.
 */
public final class ContentBuffer extends OutputStream {

    static final int FIRST_BLOCK_BYTES = 4 * 1024;
    /** Below half of G1's smallest region (1 MiB), so no block is ever a humongous object. */
    static final int MAX_BLOCK_BYTES = 256 * 1024;

    private byte[][] blocks = new byte[4][];
    private long[] starts = new long[4];
    private int count;
    /** The block being filled and how much of it is used. */
    private byte[] current;
    private int used;
    private long size;
    private long capacity;
    private boolean finished;

    @Override
    public void write(int b) {
        if (current == null || used == current.length) {
            addBlock();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        while (length > 0) {
            if (current == null || used == current.length) {
                addBlock();
            }
            int n = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, n);
            used += n;
            offset += n;
            length -= n;
            size += n;
        }
    }

    /** Bytes written. */
    public long size() {
        return size;
    }

    /** Bytes of heap the blocks take. */
    public long capacity() {
        return capacity;
    }

    /** The bytes written, as content; the buffer takes no more writes. */
    public Content toContent() {
        finished = true;
        return new Content(Arrays.copyOf(blocks, count), Arrays.copyOf(starts, count), size);
    }

    /** Makes room for the next byte: a larger first block while it is small, then another block. */
    private void addBlock() {
        if (finished) {
            throw new IllegalStateException("the content was already taken");
        }
        if (count == 1 && current.length < MAX_BLOCK_BYTES) {
            byte[] grown = Arrays.copyOf(current, Math.min(MAX_BLOCK_BYTES, current.length * 2));
            capacity += grown.length - current.length;
            current = grown;
            blocks[0] = grown;
            return;
        }
        int length = current == null ? FIRST_BLOCK_BYTES : MAX_BLOCK_BYTES;
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, count * 2);
            starts = Arrays.copyOf(starts, count * 2);
        }
        current = new byte[length];
        used = 0;
        blocks[count] = current;
        starts[count] = size;
        count++;
        capacity += length;
    }
}
