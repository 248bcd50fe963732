package io.tributary.s3.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/** Whole-object compression of a text format, and the file-name suffix it adds. */
public enum Compression {
    NONE(""),
    GZIP(".gz"),
    ZSTD(".zst");

    // A fixed level keeps the bytes of a replayed file identical to the first attempt's.
    private static final int ZSTD_LEVEL = 3;

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Wraps {@code out}; closing the result finishes the compressed stream and closes {@code out}. */
    public OutputStream wrap(OutputStream out) throws IOException {
        switch (this) {
            case GZIP:
                return new GZIPOutputStream(out, 8 * 1024);
            case ZSTD:
                return new ZstdOutputStream(out, ZSTD_LEVEL);
            default:
                return out;
        }
    }

    /** Decompresses {@code in}, for readers and tests. */
    public InputStream unwrap(InputStream in) throws IOException {
        switch (this) {
            case GZIP:
                return new GZIPInputStream(in);
            case ZSTD:
                return new ZstdInputStream(in);
            default:
                return in;
        }
    }
}
