package io.tributary.s3.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class RetrierTest {

    private final List<Duration> slept = new ArrayList<>();

    private Retrier retrier(int retries) {
        // "Random" picks the top of each range, so the test sees the backoff ceilings.
        Backoff backoff = new Backoff(Duration.ofMillis(100), bound -> bound - 1);
        return new Retrier(retries, backoff, S3ObjectStore::retryable, slept::add);
    }

    private static S3Exception status(int code) {
        return (S3Exception) S3Exception.builder().statusCode(code).message("status " + code).build();
    }

    @Test
    void retriesServerErrorsAndThrottlingWithGrowingBackoff() {
        AtomicInteger calls = new AtomicInteger();

        String result = retrier(5).call("PUT x", () -> {
            switch (calls.incrementAndGet()) {
                case 1:
                    throw status(500);
                case 2:
                    throw status(503);
                case 3:
                    throw status(429);
                case 4:
                    throw SdkClientException.create("reset", new java.net.SocketTimeoutException("read timed out"));
                default:
                    return "ok";
            }
        });

        assertThat(result).isEqualTo("ok");
        assertThat(slept).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 800L);
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retrier(2).call("PUT x", () -> {
            calls.incrementAndGet();
            throw status(500);
        })).isInstanceOf(S3Exception.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetryClientErrors() {
        for (int code : new int[] {400, 403, 404, 412}) {
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> retrier(5).call("PUT x", () -> {
                calls.incrementAndGet();
                throw status(code);
            })).isInstanceOf(S3Exception.class);
            assertThat(calls).as("status %d", code).hasValue(1);
        }
        assertThat(slept).isEmpty();
    }

    @Test
    void backoffHasFullJitterUnderACap() {
        Backoff top = new Backoff(Duration.ofMillis(200), bound -> bound - 1);
        Backoff bottom = new Backoff(Duration.ofMillis(200), bound -> 0L);

        assertThat(top.delay(40)).isEqualTo(Duration.ofSeconds(20));
        assertThat(bottom.delay(3)).isEqualTo(Duration.ZERO);
    }

    @Test
    void multipartETagsAreTheMd5OfPartMd5s() {
        byte[] data = new byte[10];
        assertThat(ETags.expected(Content.of(data), 10)).isEqualTo("a63c90cc3684ad8b0a2176a6a8fe9005");
        assertThat(ETags.expected(Content.of(data), 4)).endsWith("-3");
    }
}
