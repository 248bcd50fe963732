package io.tributary.s3.format;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import com.github.luben.zstd.Zstd;

/**
 * Parquet page codecs over snappy-java and zstd-jni. parquet-hadoop's own factory goes through Hadoop's codec
 * classes; this one needs no Hadoop at runtime. Both codecs are deterministic, so replays write the same bytes.
 */
final class ParquetCompressors implements CompressionCodecFactory {

    static final ParquetCompressors INSTANCE = new ParquetCompressors();

    private static final int ZSTD_LEVEL = 3;

    private ParquetCompressors() {
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) {
                        return bytes;
                    }
                };
            case SNAPPY:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        return BytesInput.from(Snappy.compress(bytes.toByteArray()));
                    }
                };
            case ZSTD:
                return new Compressor(codec) {
                    @Override
                    public BytesInput compress(BytesInput bytes) throws IOException {
                        return BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
                    }
                };
            default:
                throw new IllegalArgumentException("No Parquet compressor for " + codec);
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(in, uncompressedSize));
            }

            private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
                switch (codec) {
                    case UNCOMPRESSED:
                        return in;
                    case SNAPPY:
                        return Snappy.uncompress(in);
                    case ZSTD:
                        return Zstd.decompress(in, uncompressedSize);
                    default:
                        throw new IOException("No Parquet decompressor for " + codec);
                }
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }
}
