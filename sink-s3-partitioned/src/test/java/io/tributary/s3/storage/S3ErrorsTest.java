package io.tributary.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {

    private static S3Exception error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
                .message(code).build();
    }

    @Test
    void slowDownAndTimeoutsAreTransient() {
        assertThat(S3Errors.retryable(error(503, "SlowDown"))).isTrue();
        assertThat(S3Errors.retryable(error(400, "RequestTimeout"))).isTrue();
        assertThat(S3Errors.retryable(ApiCallAttemptTimeoutException.create(1000))).isTrue();
        assertThat(S3Errors.retryable(SdkClientException.create("no credentials"))).isFalse();
    }

    @Test
    void aMissingBucketNamesTheBucketKey() {
        StorageException e = S3Errors.permanent("HEAD bucket", "lake",
                NoSuchBucketException.builder().statusCode(404).message("nope").build());

        assertThat(e.reason()).isEqualTo(StorageException.Reason.NO_SUCH_BUCKET);
        assertThat(e).hasMessageContaining("'lake' does not exist").hasMessageContaining("s3.bucket.name");
    }

    @Test
    void rejectedOrMissingCredentialsNameTheCredentialKeys() {
        for (RuntimeException cause : new RuntimeException[] {error(403, "InvalidAccessKeyId"),
                error(403, "SignatureDoesNotMatch"),
                SdkClientException.create("Unable to load credentials from any of the providers in the chain")}) {
            StorageException e = S3Errors.permanent("PUT x", "lake", cause);

            assertThat(e.reason()).as(cause.getMessage()).isEqualTo(StorageException.Reason.ACCESS_DENIED);
            assertThat(e).hasMessageContaining("aws.access.key.id");
        }
    }

    @Test
    void anOutageThatOutlivesTheRetriesSaysWhereToLook() {
        StorageException e = S3Errors.permanent("PUT x", "lake", error(500, "InternalError"));

        assertThat(e.reason()).isEqualTo(StorageException.Reason.UNAVAILABLE);
        assertThat(e).hasMessageContaining("store.url");
    }
}
