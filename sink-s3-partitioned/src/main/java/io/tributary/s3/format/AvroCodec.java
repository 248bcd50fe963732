package io.tributary.s3.format;

import org.apache.avro.file.CodecFactory;

/** Block compression inside Avro object container files; names as in Confluent's {@code avro.codec}. */
public enum AvroCodec {
    NULL,
    DEFLATE,
    ZSTANDARD;

    CodecFactory factory() {
        switch (this) {
            case DEFLATE:
                return CodecFactory.deflateCodec(CodecFactory.DEFAULT_DEFLATE_LEVEL);
            case ZSTANDARD:
                return CodecFactory.zstandardCodec(3);
            default:
                return CodecFactory.nullCodec();
        }
    }
}
