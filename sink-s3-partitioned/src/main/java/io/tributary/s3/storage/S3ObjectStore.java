package io.tributary.s3.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} on one bucket through the AWS SDK v2 sync client, with retries and conditional creates. */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final int partSize;
    private final Retrier retrier;

    /** {@code s3} is owned by this store and closed with it. */
    public S3ObjectStore(S3Client s3, String bucket, int partSize, Retrier retrier) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        this.retrier = retrier;
    }

    /** The predicate a {@link Retrier} for this store should use. */
    public static boolean retryable(RuntimeException e) {
        return S3Errors.retryable(e);
    }

    @Override
    public boolean createIfAbsent(String key, Content data) {
        return data.length() <= partSize ? putIfAbsent(key, data) : multipartIfAbsent(key, data);
    }

    @Override
    public void createOrVerify(String key, Content data) {
        if (createIfAbsent(key, data)) {
            return;
        }
        String existing = call("HEAD " + key,
                () -> ETags.unquote(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()));
        if (existing.equals(ETags.expected(data, partSize))) {
            LOG.info("{} already holds what this upload would write (a replay); keeping it", key);
            return;
        }
        // ETags are not MD5s under SSE-KMS and some stores: compare the bytes before calling it a conflict.
        Optional<byte[]> content = get(key);
        if (content.isPresent() && data.sameBytes(content.get())) {
            LOG.info("{} already holds what this upload would write (a replay); keeping it", key);
            return;
        }
        throw new ObjectConflictException("s3://" + bucket + "/" + key + " already exists with other content: another "
                + "writer uses this topics.dir for the same topic partition, or the data changed since it was written "
                + "(converter or path.format change). The sink never overwrites objects; move or delete it, or "
                + "change topics.dir.");
    }

    private boolean putIfAbsent(String key, Content data) {
        try {
            // The body streams the content's blocks in place: nothing is copied to upload it.
            call("PUT " + key, () -> s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*"),
                    RequestBody.fromContentProvider(data::stream, data.length(), "application/octet-stream")));
            return true;
        } catch (StorageException e) {
            if (e.getCause() instanceof RuntimeException cause && S3Errors.isPreconditionFailed(cause)) {
                return false;
            }
            throw e;
        }
    }

    private boolean multipartIfAbsent(String key, Content data) {
        String uploadId = call("create multipart upload " + key,
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId());
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long start = 0; start < data.length(); start += partSize, number++) {
                int partNumber = number;
                long from = start;
                long length = Math.min(partSize, data.length() - start);
                String eTag = call("upload part " + partNumber + " of " + key, () -> s3.uploadPart(
                        b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromContentProvider(() -> data.stream(from, length), length,
                                "application/octet-stream")).eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            call("complete multipart upload " + key, () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                    .uploadId(uploadId).ifNoneMatch("*").multipartUpload(m -> m.parts(parts))));
            completed = true;
            return true;
        } catch (StorageException e) {
            if (e.getCause() instanceof RuntimeException cause && S3Errors.isPreconditionFailed(cause)) {
                return false;
            }
            throw e;
        } finally {
            if (!completed) {
                abortQuietly(key, uploadId);
            }
        }
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            LOG.warn("Could not abort multipart upload {} of {} ({}); a bucket lifecycle rule for incomplete "
                    + "uploads will remove its parts", uploadId, key, e.toString());
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(call("GET " + key, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key))
                    .asByteArray()));
        } catch (StorageException e) {
            if (e.getCause() instanceof RuntimeException cause && S3Errors.isNotFound(cause)
                    && e.reason() != StorageException.Reason.NO_SUCH_BUCKET) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            call("HEAD " + key, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
            return true;
        } catch (StorageException e) {
            if (e.getCause() instanceof RuntimeException cause && S3Errors.isNotFound(cause)
                    && e.reason() != StorageException.Reason.NO_SUCH_BUCKET) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> list(String prefix) {
        return call("LIST " + prefix, () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                .contents().stream().map(S3Object::key).sorted().toList());
    }

    @Override
    public void checkAccess() {
        call("HEAD bucket", () -> s3.headBucket(b -> b.bucket(bucket)));
    }

    @Override
    public void close() {
        s3.close();
    }

    private <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return retrier.call(what, request);
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw S3Errors.permanent(what + " in bucket " + bucket, bucket, e);
        }
    }
}
