package io.tributary.benchmarks.s3;

import io.tributary.testkit.s3.S3Server;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 side of the S3 cases: one bucket on the test kit's server, and the sink config that points at it. */
final class BenchS3 {

    static final String BUCKET = "bench";
    static final String CONNECTOR_CLASS = "io.tributary.s3.S3SinkConnector";

    private BenchS3() {
    }

    /**
     * A raw AWS SDK v2 client, for the ceiling's uploads and for reading the sink's output, set up as the sink sets up
     * its own for a {@code store.url}: path-style, static credentials, checksums only where required; the SDK's
     * standard retries stand in for the sink's.
     */
    static S3Client client(S3Server server) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(Duration.ofSeconds(30)))
                .build();
    }

    /** The sink keys that reach the server: {@link #BUCKET}, endpoint, region, path-style access, credentials. */
    static java.util.Map<String, String> storeConfig(S3Server server) {
        return storeConfig(server, BUCKET);
    }

    /** The sink keys that reach the server, with {@code bucket}. */
    static java.util.Map<String, String> storeConfig(S3Server server, String bucket) {
        return java.util.Map.of(
                "s3.bucket.name", bucket,
                "store.url", server.endpoint().toString(),
                "s3.region", server.region(),
                "s3.path.style.access.enabled", "true",
                "aws.access.key.id", server.accessKey(),
                "aws.secret.access.key", server.secretKey());
    }
}
