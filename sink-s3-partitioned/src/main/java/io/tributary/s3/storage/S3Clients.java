package io.tributary.s3.storage;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import io.tributary.s3.config.S3SinkConnectorConfig;

/** Builds the S3 client and store a connector config describes. */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * A store for the task: requests time out after {@code attemptTimeout} and are retried per the config;
     * {@code uploadThreads} threads use it at once besides the task thread.
     */
    public static S3ObjectStore store(S3SinkConnectorConfig config, Duration attemptTimeout, int uploadThreads) {
        Retrier retrier = new Retrier(config.retries(),
                new Backoff(config.retryBackoff(), bound -> ThreadLocalRandom.current().nextLong(bound)),
                S3ObjectStore::retryable, duration -> Thread.sleep(duration.toMillis()));
        return new S3ObjectStore(client(config, attemptTimeout, uploadThreads + 1), config.bucket(),
                config.partSize(), retrier);
    }

    /** A store for {@code Connector.validate()}: no retries, one short timeout, so a bad config is reported fast. */
    public static S3ObjectStore probe(S3SinkConnectorConfig config, Duration timeout) {
        Retrier once = new Retrier(0, new Backoff(Duration.ofMillis(1), bound -> 0L), e -> false, duration -> { });
        return new S3ObjectStore(client(config, timeout, 1), config.bucket(), config.partSize(), once);
    }

    static S3Client client(S3SinkConnectorConfig config, Duration attemptTimeout, int connections) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(connections))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyleAccess())
                // Retries are ours (Retrier), so they are counted and logged once, with full jitter.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(attemptTimeout.multipliedBy(2)));
        config.storeUrl().ifPresent(url -> builder.endpointOverride(url)
                // S3-compatible stores differ in which flexible checksums they accept; send them only when required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3SinkConnectorConfig config) {
        if (config.accessKeyId().isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(),
                config.secretAccessKey().orElseThrow().value()));
    }
}
