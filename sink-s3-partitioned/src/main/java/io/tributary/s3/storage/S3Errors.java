package io.tributary.s3.storage;

import java.io.IOException;
import java.util.Set;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Sorts S3 failures: which are worth retrying, and what a permanent one means for the user. */
final class S3Errors {

    private static final Set<String> RETRYABLE_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable");
    private static final Set<String> ACCESS_CODES = Set.of("AccessDenied", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "AllAccessDisabled");

    private S3Errors() {
    }

    /** 5xx, throttling, request timeouts and I/O failures: transient, so worth another attempt. */
    static boolean retryable(RuntimeException e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.statusCode() == 429 || service.statusCode() == 408
                    || service.isThrottlingException() || RETRYABLE_CODES.contains(errorCode(e));
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return true;
        }
        return e instanceof SdkClientException && hasIoCause(e);
    }

    static boolean isPreconditionFailed(RuntimeException e) {
        return e instanceof SdkServiceException service && service.statusCode() == 412;
    }

    static boolean isNotFound(RuntimeException e) {
        return e instanceof SdkServiceException service && service.statusCode() == 404;
    }

    /** Wraps a failure that retries did not cure in a {@link StorageException} that says what to fix. */
    static StorageException permanent(String what, String bucket, RuntimeException e) {
        String code = errorCode(e);
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return new StorageException(StorageException.Reason.NO_SUCH_BUCKET, what + " failed: bucket '" + bucket
                    + "' does not exist; create it or fix s3.bucket.name", e);
        }
        if ((e instanceof SdkServiceException s && s.statusCode() == 403) || ACCESS_CODES.contains(code)
                || (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials"))) {
            return new StorageException(StorageException.Reason.ACCESS_DENIED, what + " failed: the store rejected "
                    + "the credentials or they lack permission on bucket '" + bucket + "' (" + code + "); fix "
                    + "aws.access.key.id / aws.secret.access.key or the bucket policy", e);
        }
        if (retryable(e)) {
            return new StorageException(StorageException.Reason.UNAVAILABLE, what + " kept failing after every retry ("
                    + e.getMessage() + "); check store.url / s3.region and the store's health", e);
        }
        return new StorageException(StorageException.Reason.OTHER, what + " failed: " + e.getMessage(), e);
    }

    private static String errorCode(RuntimeException e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return String.valueOf(s3.awsErrorDetails().errorCode());
        }
        return e.getClass().getSimpleName();
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
