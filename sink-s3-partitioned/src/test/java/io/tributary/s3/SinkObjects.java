package io.tributary.s3;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The sink's output as tests read it back: the data objects under a prefix, its manifest log left out. */
final class SinkObjects {

    private SinkObjects() {
    }

    /** The keys of every data object whose key starts with {@code prefix} ("" for the whole bucket). */
    static List<String> dataKeys(S3Client s3, String bucket, String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.contains("/_manifests/") && !key.startsWith("_manifests/"))
                .toList();
    }

    static byte[] read(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }
}
