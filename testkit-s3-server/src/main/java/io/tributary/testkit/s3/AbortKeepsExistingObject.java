package io.tributary.testkit.s3;

import com.adobe.testing.s3mock.s3.model.BucketMetadata;
import com.adobe.testing.s3mock.s3.model.MultipartUploadInfo;
import com.adobe.testing.s3mock.s3.store.BucketStore;
import com.adobe.testing.s3mock.s3.store.MultipartStore;
import com.adobe.testing.s3mock.s3.store.ObjectStore;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Makes AbortMultipartUpload leave an existing object at the same key alone, as S3 does.
 *
 * <p>S3Mock 5.2.0 maps the key to the existing object's id when the upload is created and unmaps the key whenever the
 * upload is aborted, so the object that was there (for example the winner of an {@code If-None-Match: *} race) would
 * disappear, and another upload in progress to the same key could no longer complete. When the key holds a stored
 * object or another upload, this filter aborts the upload itself and keeps the mapping; every other request goes to
 * S3Mock unchanged.
 */
public class AbortKeepsExistingObject extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient BucketStore buckets;
    private final transient ObjectStore objects;
    private final transient MultipartStore uploads;

    public AbortKeepsExistingObject(BucketStore buckets, ObjectStore objects, MultipartStore uploads) {
        this.buckets = buckets;
        this.objects = objects;
        this.uploads = uploads;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String[] bucketAndKey = "DELETE".equals(request.getMethod()) ? bucketAndKey(request) : null;
        UUID uploadId = bucketAndKey == null ? null : uuid(request.getParameter("uploadId"));
        if (uploadId == null || !buckets.doesBucketExist(bucketAndKey[0])) {
            chain.doFilter(request, response);
            return;
        }
        String key = bucketAndKey[1];
        BucketMetadata bucket = buckets.getBucketMetadata(bucketAndKey[0]);
        UUID objectId = bucket.getID(key);
        if (objectId == null || !(isStored(bucket, objectId) || hasOtherUpload(bucket, key, uploadId))) {
            chain.doFilter(request, response); // nothing else uses the key: S3Mock's own abort is right
            return;
        }
        MultipartUploadInfo upload = uploads.getMultipartUploadInfo(bucket, uploadId);
        if (upload == null || !key.equals(upload.getUpload().getKey())) {
            noSuchUpload(response, uploadId);
            return;
        }
        uploads.abortMultipartUpload(bucket, uploadId);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private boolean isStored(BucketMetadata bucket, UUID objectId) {
        return objects.getS3ObjectMetadata(bucket, objectId, null) != null;
    }

    private boolean hasOtherUpload(BucketMetadata bucket, String key, UUID uploadId) {
        return uploads.listMultipartUploads(bucket, key).stream()
                .anyMatch(u -> key.equals(u.getKey()) && !uploadId.toString().equals(u.getUploadId()));
    }

    /** {@code [bucket, key]} of a path-style request, or null. */
    private static String[] bucketAndKey(HttpServletRequest request) {
        String path;
        try {
            path = URI.create(request.getRequestURI()).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/") || slash < 0 || slash == path.length() - 1) {
            return null;
        }
        return new String[] {path.substring(1, slash), path.substring(slash + 1)};
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void noSuchUpload(HttpServletResponse response, UUID uploadId) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/xml");
        response.getOutputStream().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchUpload</Code>"
                + "<Message>The specified multipart upload does not exist.</Message><UploadId>" + uploadId
                + "</UploadId></Error>").getBytes(StandardCharsets.UTF_8));
    }
}
