package io.tributary.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ContentTest {

    private static final Random RANDOM = new Random(7);

    @Test
    void readsBackWhatWasWrittenWholeAndInRangesAcrossBlockEdges() throws Exception {
        for (int round = 0; round < 50; round++) {
            byte[] expected = new byte[RANDOM.nextInt(3 * ContentBuffer.MAX_BLOCK_BYTES)];
            RANDOM.nextBytes(expected);
            Content content = written(expected);

            assertThat(content.length()).isEqualTo(expected.length);
            assertThat(content.toByteArray()).isEqualTo(expected);
            assertThat(read(content.stream(), 1 + RANDOM.nextInt(70_000))).isEqualTo(expected);
            assertThat(content.sameBytes(expected)).isTrue();
            for (int range = 0; range < 10 && expected.length > 0; range++) {
                int from = RANDOM.nextInt(expected.length);
                int count = RANDOM.nextInt(expected.length - from + 1);
                byte[] slice = Arrays.copyOfRange(expected, from, from + count);
                assertThat(read(content.stream(from, count), 1 + RANDOM.nextInt(9_000))).isEqualTo(slice);
                MessageDigest ours = MessageDigest.getInstance("MD5");
                content.update(ours, from, count);
                assertThat(ours.digest()).isEqualTo(MessageDigest.getInstance("MD5").digest(slice));
            }
        }
    }

    @Test
    void tellsDifferentBytesApart() {
        byte[] bytes = new byte[ContentBuffer.MAX_BLOCK_BYTES + 10];
        RANDOM.nextBytes(bytes);
        Content content = written(bytes);
        byte[] changed = bytes.clone();
        changed[changed.length - 1] ^= 1;

        assertThat(content.sameBytes(changed)).isFalse();
        assertThat(content.sameBytes(Arrays.copyOf(bytes, bytes.length - 1))).isFalse();
    }

    @Test
    void blocksStaySmallForSmallFilesAndBelowHumongousSizeForLargeOnes() {
        ContentBuffer buffer = new ContentBuffer();
        buffer.write(1);
        assertThat(buffer.capacity()).isEqualTo(ContentBuffer.FIRST_BLOCK_BYTES);
        buffer.write(new byte[ContentBuffer.FIRST_BLOCK_BYTES], 0, ContentBuffer.FIRST_BLOCK_BYTES);
        assertThat(buffer.capacity()).as("the first block doubled").isEqualTo(2 * ContentBuffer.FIRST_BLOCK_BYTES);
        buffer.write(new byte[ContentBuffer.FIRST_BLOCK_BYTES], 0, ContentBuffer.FIRST_BLOCK_BYTES);
        assertThat(buffer.capacity()).isEqualTo(4 * ContentBuffer.FIRST_BLOCK_BYTES);

        buffer.write(new byte[4 * 1024 * 1024], 0, 4 * 1024 * 1024);
        assertThat(buffer.size()).isEqualTo(4 * 1024 * 1024 + 1 + 2 * ContentBuffer.FIRST_BLOCK_BYTES);
        // A first block of the largest size, then whole blocks: at most one block more than needed.
        assertThat(buffer.capacity()).isBetween(buffer.size(), buffer.size() + ContentBuffer.MAX_BLOCK_BYTES);
        buffer.toContent();
        assertThatThrownBy(() -> buffer.write(new byte[ContentBuffer.MAX_BLOCK_BYTES], 0,
                ContentBuffer.MAX_BLOCK_BYTES)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void emptyContent() throws IOException {
        Content content = new ContentBuffer().toContent();
        assertThat(content.length()).isZero();
        assertThat(content.stream().read()).isEqualTo(-1);
        assertThat(Content.of(new byte[0]).sameBytes(new byte[0])).isTrue();
    }

    /** {@code bytes} written in pieces of random size, some a byte at a time. */
    private static Content written(byte[] bytes) {
        ContentBuffer buffer = new ContentBuffer();
        int at = 0;
        while (at < bytes.length) {
            if (RANDOM.nextInt(10) == 0) {
                buffer.write(bytes[at++]);
                continue;
            }
            int n = Math.min(bytes.length - at, RANDOM.nextInt(100_000));
            buffer.write(bytes, at, n);
            at += n;
        }
        return buffer.toContent();
    }

    private static byte[] read(InputStream in, int chunk) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[chunk];
        for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
